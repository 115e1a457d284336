//! `goalcoach measure add|list|edit|delete`: a goal's key results from the command line, and
//! the measure a `checkin --value` is for. Bad input (an unknown goal or measure, a name used
//! twice, a target equal to the start) changes nothing and says what to do instead.

use super::args::parse_amount;
use super::edits::find;
use crate::model::text::clean_line;
use crate::model::{Goal, Measure, Node, Num, Op, Plan};
use anyhow::{Context, Result, bail};

/// What to do with a goal's measures.
#[derive(Debug, clap::Subcommand)]
pub enum MeasureCommand {
    /// Add a measure to a goal.
    Add {
        /// The goal's number.
        goal: Num,
        /// What is counted: "Direct reports", "1:1s held".
        name: String,
        /// Where it should get to.
        #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
        target: f64,
        /// Where it starts (0 when left out); its current value starts there.
        #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
        start: Option<f64>,
        /// The unit it is counted in.
        #[arg(long, default_value = "")]
        unit: String,
        /// An input you control (the default is lagging: the result).
        #[arg(long)]
        leading: bool,
        /// How much it counts among the goal's measures (1 when left out).
        #[arg(long, value_parser = parse_weight)]
        weight: Option<f64>,
    },
    /// List a goal's measures.
    List {
        /// The goal's number.
        goal: Num,
    },
    /// Change a measure; only what is given changes.
    Edit {
        goal: Num,
        /// The measure's name as it is now.
        name: String,
        /// A new name.
        #[arg(long)]
        rename: Option<String>,
        #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
        target: Option<f64>,
        #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
        start: Option<f64>,
        /// Its value now (without recording a check-in).
        #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
        current: Option<f64>,
        #[arg(long)]
        unit: Option<String>,
        /// Make it leading (an input).
        #[arg(long, conflicts_with = "lagging")]
        leading: bool,
        /// Make it lagging (the result).
        #[arg(long)]
        lagging: bool,
        #[arg(long, value_parser = parse_weight)]
        weight: Option<f64>,
        /// Why the target changed (kept with the goal as a change of course).
        #[arg(long)]
        why: Option<String>,
    },
    /// Delete a measure (its values go with it; the day's backup keeps them).
    Delete { goal: Num, name: String },
}

fn parse_weight(text: &str) -> Result<f64, String> {
    crate::model::limits::parse_number(text, crate::model::limits::WEIGHT)
}

/// Runs `command` on `plan`; what it did, in words.
pub fn run(plan: &mut Plan, command: &MeasureCommand, today: chrono::NaiveDate) -> Result<String> {
    match command {
        MeasureCommand::Add {
            goal,
            name,
            target,
            start,
            unit,
            leading,
            weight,
        } => {
            let mut g = goal_of(plan, *goal)?;
            let name = named(name)?;
            if g.measure_named(&name).is_some() {
                bail!("goal {goal} already has a measure called “{name}”; pick another name");
            }
            let mut m = Measure::new(&name, &clean_line(unit), start.unwrap_or(0.0), *target);
            refuse_flat(&m)?;
            m.id = plan.new_id().0;
            m.leading = *leading;
            m.weight = weight.unwrap_or(1.0);
            let said = format!("added {} measure “{name}” to goal {goal}", m.kind_label());
            g.measures.push(m);
            update(plan, g, today, "")?;
            Ok(said)
        }
        MeasureCommand::List { goal } => {
            let g = goal_of(plan, *goal)?;
            Ok(listing(&g))
        }
        MeasureCommand::Edit {
            goal, name, why, ..
        } => {
            let mut g = goal_of(plan, *goal)?;
            let at = index_of(&g, *goal, name)?;
            edit_one(&mut g, at, command)?;
            let new_name = g.measures[at].name.clone();
            update(plan, g, today, why.as_deref().unwrap_or(""))?;
            Ok(format!("edited measure “{new_name}” of goal {goal}"))
        }
        MeasureCommand::Delete { goal, name } => {
            let mut g = goal_of(plan, *goal)?;
            let at = index_of(&g, *goal, name)?;
            let gone = g.measures.remove(at);
            update(plan, g, today, "")?;
            Ok(format!("deleted measure “{}” of goal {goal}", gone.name))
        }
    }
}

fn edit_one(g: &mut Goal, at: usize, command: &MeasureCommand) -> Result<()> {
    let MeasureCommand::Edit {
        rename,
        target,
        start,
        current,
        unit,
        leading,
        lagging,
        weight,
        ..
    } = command
    else {
        return Ok(());
    };
    if let Some(new) = rename {
        let new = named(new)?;
        let taken = g
            .measures
            .iter()
            .enumerate()
            .any(|(i, m)| i != at && m.name.eq_ignore_ascii_case(&new));
        if taken {
            bail!("this goal already has a measure called “{new}”");
        }
        g.measures[at].name = new;
    }
    let m = &mut g.measures[at];
    m.target = target.unwrap_or(m.target);
    m.start = start.unwrap_or(m.start);
    m.current = current.unwrap_or(m.current);
    m.unit = unit.as_deref().map(clean_line).unwrap_or(m.unit.clone());
    m.weight = weight.unwrap_or(m.weight);
    if *leading || *lagging {
        m.leading = *leading;
    }
    refuse_flat(m)
}

fn named(name: &str) -> Result<String> {
    let name = clean_line(name).trim().to_string();
    if name.is_empty() {
        bail!("the measure's name is empty; say what is counted (“Direct reports”)");
    }
    Ok(name)
}

fn refuse_flat(m: &Measure) -> Result<()> {
    if m.target == m.start {
        bail!(
            "the target ({}) equals the start: that measures nothing; give a different --target or --start",
            m.target
        );
    }
    Ok(())
}

fn goal_of(plan: &Plan, num: Num) -> Result<Goal> {
    let id = find(plan, num)?;
    plan.goal(id)
        .map(Goal::without_children)
        .with_context(|| format!("{num} is not a goal; measures belong to goals"))
}

fn index_of(g: &Goal, num: Num, name: &str) -> Result<usize> {
    g.measures
        .iter()
        .position(|m| m.name.trim().eq_ignore_ascii_case(name.trim()))
        .with_context(|| {
            let names: Vec<&str> = g.measures.iter().map(|m| m.name.as_str()).collect();
            match names.is_empty() {
                true => format!("goal {num} has no measures yet (goalcoach measure add)"),
                false => format!(
                    "goal {num} has no measure called “{name}”; it has: {}",
                    names.join(", ")
                ),
            }
        })
}

/// The measure of `g` a check-in value is for: the one named, or its only one.
pub fn for_checkin(g: &Goal, num: Num, name: Option<&str>) -> Result<usize> {
    match (name, g.measures.len()) {
        (Some(name), _) => index_of(g, num, name),
        (None, 1) => Ok(0),
        (None, 0) => bail!(
            "goal {num} has no measure; add one (goalcoach measure add), or leave out --value"
        ),
        (None, _) => {
            let names: Vec<&str> = g.measures.iter().map(|m| m.name.as_str()).collect();
            bail!(
                "goal {num} has {} measures; say which with --measure ({})",
                names.len(),
                names.join(", ")
            )
        }
    }
}

fn update(plan: &mut Plan, g: Goal, today: chrono::NaiveDate, why: &str) -> Result<()> {
    let mut op = Op::Update {
        node: Node::Goal(Box::new(g)),
    };
    crate::model::adapt::stamp(plan, &mut op, today, &crate::model::text::clean_line(why));
    plan.apply(op)?;
    Ok(())
}

/// The measures as `measure list` prints them, leading ones first.
pub fn listing(g: &Goal) -> String {
    if g.measures.is_empty() {
        return format!("{} has no measures yet.", g.title);
    }
    let mut out = String::new();
    for m in g.measures_leading_first() {
        let n = crate::model::text::number_text;
        let unit = if m.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", m.unit)
        };
        out.push_str(&format!(
            "{:<24} {:<8} {} → {}{unit} (now {}, {:.0}%)  weight {}\n",
            m.name,
            m.kind_label(),
            n(m.start),
            n(m.target),
            n(m.current),
            crate::model::progress::measure_progress(m) * 100.0,
            n(m.weight)
        ));
    }
    out.pop();
    out
}
