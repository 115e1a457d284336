//! The arguments of the commands that write a new item or check-in (`add`, `checkin`), with
//! their checks on input (a measure value is finite and in range).

use crate::model::Num;

/// Arguments of `goalcoach add`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The title of the new item.
    pub title: String,
    /// Put it under this goal (as a milestone) or milestone (as a step); a number like 12 or
    /// #12, as `goalcoach list` shows.
    #[arg(long, value_name = "ID")]
    pub under: Option<Num>,
    /// Under a goal, add a step straight under it instead of a milestone.
    #[arg(long)]
    pub step: bool,
    /// Deadline (goal), target date (milestone) or due date (step): 2027-03-31, +2w, fri, eom…
    #[arg(long, visible_alias = "due", value_name = "DATE")]
    pub deadline: Option<String>,
}

/// Arguments of `goalcoach checkin`.
#[derive(Debug, clap::Args)]
pub struct CheckinArgs {
    /// The goal's number, as `goalcoach list` shows it (12 or #12).
    pub goal: Num,
    /// A measure's value today (sets its current value too).
    #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
    pub value: Option<f64>,
    /// Which measure --value is for (not needed when the goal has one).
    #[arg(long, requires = "value")]
    pub measure: Option<String>,
    /// How confident you are of reaching the goal, 1 to 5.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub confidence: u8,
    /// A note on how it is going.
    #[arg(long, default_value = "")]
    pub note: String,
}

/// A measure value from the command line: finite and in range (`nan`, `inf`, `1e309` are not).
pub(super) fn parse_amount(text: &str) -> Result<f64, String> {
    crate::model::limits::parse_number(text, crate::model::limits::AMOUNT)
}
