//! The forms of the guided journey, one per stage (see `model::journey`): each asks a few
//! short questions in the person's own words, carries forward what earlier stages gathered
//! (the first goal picks its values and strengths from the profile), and submits what it
//! gathered together with the journey's progress as one edit. A stage left untouched is
//! skipped: the edit then only moves the journey on.

mod answers;
pub use answers::submit;

use super::goal::RESOURCE_KINDS;
use super::prompts::{AMOUNT, date_text};
use super::{Field, FieldKind, Form, FormKind};
use crate::model::journey::{Journey, Stage};
use crate::model::profile::{Named, Profile};
use crate::model::{Goal, Plan};
use chrono::{NaiveDate, Weekday};

const SATISFACTION: FieldKind = FieldKind::Number {
    min: crate::model::limits::SATISFACTION.min,
    max: crate::model::limits::SATISFACTION.max,
    optional: true,
};
/// The weekdays a review can fall on, as the choice shows them.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The form of journey stage `stage`; `chained` stages open the next one when saved.
pub fn stage_form(plan: &Plan, stage: Stage, chained: bool, today: NaiveDate) -> Form {
    let p = &plan.profile;
    let goal = p.journey.goal.and_then(|id| plan.goal(id));
    let (prompt, fields) = match stage {
        Stage::LookBack => (LOOK_BACK.to_string(), Vec::new()),
        Stage::WhereNow => (WHERE_NOW.to_string(), where_now_fields(p)),
        Stage::Strengths => (STRENGTHS.to_string(), Vec::new()),
        Stage::Values => (VALUES.to_string(), values_fields()),
        Stage::Vision => (vision_prompt(p), vision_fields(p)),
        Stage::Paths => (PATHS.to_string(), Vec::new()),
        Stage::Goal => (goal_prompt(p), goal_fields(p)),
        Stage::Milestone => (milestone_prompt(goal), milestone_fields()),
        Stage::Step => (STEP.to_string(), step_fields(today)),
        Stage::Obstacles => (OBSTACLES.to_string(), obstacle_fields()),
        Stage::ReviewDay => (REVIEW_DAY.to_string(), review_day_fields(p)),
    };
    let title = format!(
        "Getting started · {} of {} · {}",
        stage.position() + 1,
        Stage::ALL.len(),
        stage.title()
    );
    let mut form = Form::new(FormKind::Journey { stage, chained }, title, fields);
    add_rows(&mut form, stage);
    form.note = Some(prompt);
    form
}

const LOOK_BACK: &str = "Good plans start from what you have already done. Name two or three \
things at work you are proud of: a problem you solved, something you learned, thanks you got. \
They start your achievements log.";
const WHERE_NOW: &str = "Where are you now? Your role, how satisfied you are with it (1 is not \
at all, 10 is completely), and what you would keep and change about it.";
const STRENGTHS: &str = "What do people come to you for, and what comes easily to you? Where \
would you like to grow? A moment that shows each one — or feedback someone gave you — makes it \
real.";
const VALUES: &str = "What matters to you at work? For example: growth, autonomy, security, \
impact, balance, recognition, creativity, helping others. And what do you find yourself \
curious about?";
const PATHS: &str = "Could you go more than one way from here? Name a path or two, why it \
appeals, and one small experiment that would tell you more. Sure of your direction? Leave it \
blank.";
const STEP: &str = "What is one thing you could do this week that moves this forward? Small is \
good: an email, an hour of practice, a conversation.";
const OBSTACLES: &str = "What is most likely to get in your way? Plan for it now: “If that \
happens, then I will …”. And what will you need — a skill, a person, time, money, a tool?";
const REVIEW_DAY: &str = "Once a week, a short review looks back at what you did and picks \
what comes next. Which day suits you? Your plan is ready after this.";

fn vision_prompt(p: &Profile) -> String {
    let mut prompt = "Picture yourself one to three years from now. Where are you, what do \
you do, what has changed? In your own words; a few lines are enough."
        .to_string();
    if !p.values.is_empty() {
        prompt.push_str(&format!("\nYour values: {}.", names(&p.values)));
    }
    prompt
}

fn goal_prompt(p: &Profile) -> String {
    let toward = if p.vision.is_empty() {
        "something you want to reach in the coming months"
    } else {
        "one that moves you toward that picture"
    };
    let mut lines = vec![format!(
        "Now a first goal: {toward}. Say what will be different, how you will know, and by \
         when. The values and strengths it serves come from your profile."
    )];
    if !p.vision.is_empty() {
        lines.push(format!("Your vision: {}", p.vision.replace('\n', " ")));
    }
    let growth: Vec<&str> = p.growth_areas.iter().map(|q| q.name.as_str()).collect();
    if !growth.is_empty() {
        lines.push(format!("You want to grow in: {}.", growth.join(", ")));
    }
    lines.join("\n")
}

fn milestone_prompt(goal: Option<&Goal>) -> String {
    let about = goal.map_or(String::new(), |g| format!(" on the way to “{}”", g.title));
    format!(
        "A milestone is a checkpoint{about}: something you can see is done, with a date. \
Halfway there is a good first one."
    )
}

fn names(list: &[Named]) -> String {
    list.iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The stages with repeating rows get their sections, with blank rows to fill.
fn add_rows(form: &mut Form, stage: Stage) {
    match stage {
        Stage::LookBack => {
            form.push_section(
                "wins",
                "Achievements",
                win_row(),
                vec![win_row(), win_row()],
            );
        }
        Stage::Strengths => {
            let strengths = vec![quality_row(), quality_row()];
            form.push_section("strengths", "Strengths", quality_row(), strengths);
            form.push_section("growth", "Growth areas", quality_row(), vec![quality_row()]);
        }
        Stage::Paths => form.push_section("paths", "Career paths", path_row(), vec![path_row()]),
        _ => return,
    }
    form.focus_on(1);
}

fn win_row() -> Vec<Field> {
    vec![
        Field::new("what", "• What you did", FieldKind::Text, ""),
        Field::new(
            "when",
            "  When (a date; blank is fine)",
            FieldKind::Date,
            "",
        ),
        Field::new("evidence", "  What it shows", FieldKind::Text, ""),
    ]
}

fn quality_row() -> Vec<Field> {
    vec![
        Field::new("name", "• Name", FieldKind::Text, ""),
        Field::new("evidence", "  What shows it", FieldKind::Text, ""),
    ]
}

fn path_row() -> Vec<Field> {
    vec![
        Field::new("name", "• Path", FieldKind::Text, ""),
        Field::new("why", "  Why it appeals", FieldKind::Text, ""),
        Field::new("experiment", "  A first experiment", FieldKind::Text, ""),
    ]
}

fn where_now_fields(p: &Profile) -> Vec<Field> {
    let sat = p.satisfaction.map(|s| s.to_string()).unwrap_or_default();
    vec![
        Field::new("role", "Your role", FieldKind::Text, &p.current_role),
        Field::new("satisfaction", "Satisfied, 1–10", SATISFACTION, &sat),
        Field::new("keep", "What to keep", FieldKind::LongText, &p.keep),
        Field::new("change", "What to change", FieldKind::LongText, &p.change),
    ]
}

fn values_fields() -> Vec<Field> {
    vec![
        Field::new("values", "Values (a, b, c)", FieldKind::Text, ""),
        Field::new("interests", "Interests (a, b)", FieldKind::Text, ""),
    ]
}

fn vision_fields(p: &Profile) -> Vec<Field> {
    vec![Field::new(
        "vision",
        "In 1–3 years",
        FieldKind::LongText,
        &p.vision,
    )]
}

/// A field to pick from the profile's `names`; typed when the profile has none yet.
fn pick_field(name: &'static str, label: &str, names: Vec<String>) -> Field {
    if names.is_empty() {
        Field::new(name, format!("{label} (a, b)"), FieldKind::Text, "")
    } else {
        Field::new(name, label, FieldKind::Picks(names), "")
    }
}

fn goal_fields(p: &Profile) -> Vec<Field> {
    let values = p.values.iter().map(|v| v.name.clone()).collect();
    let strengths = p.strengths.iter().map(|q| q.name.clone()).collect();
    vec![
        Field::new("title", "Goal", FieldKind::Title, ""),
        Field::new(
            "description",
            "S · What will change",
            FieldKind::LongText,
            "",
        ),
        Field::new("unit", "M · What you'll count", FieldKind::Text, ""),
        Field::new("start", "M · Where you start", AMOUNT, ""),
        Field::new("target", "M · Target", AMOUNT, ""),
        Field::new("achievable", "A · Why it's in reach", FieldKind::Text, ""),
        pick_field("values", "R · Values", values),
        pick_field("strengths", "R · Strengths", strengths),
        Field::new("relevant", "R · Why it matters", FieldKind::Text, ""),
        Field::new("deadline", "T · Deadline", FieldKind::Date, ""),
    ]
}

fn milestone_fields() -> Vec<Field> {
    vec![
        Field::new("title", "Milestone", FieldKind::Title, ""),
        Field::new("target", "Target date", FieldKind::Date, ""),
    ]
}

fn step_fields(today: NaiveDate) -> Vec<Field> {
    let due = crate::model::dates::plus_days(today, 2);
    vec![
        Field::new("title", "Step", FieldKind::Title, ""),
        Field::new("due", "Due", FieldKind::Date, &date_text(Some(due))),
    ]
}

fn obstacle_fields() -> Vec<Field> {
    vec![
        Field::new("obstacle", "What could get in the way", FieldKind::Text, ""),
        Field::new("strategy", "If it happens, then I…", FieldKind::Text, ""),
        Field::new("resource", "What you will need", FieldKind::Text, ""),
        Field::new(
            "kind",
            "What sort of help",
            FieldKind::Choice(RESOURCE_KINDS),
            "other",
        ),
    ]
}

fn review_day_fields(p: &Profile) -> Vec<Field> {
    let day = p.review_day.as_deref().unwrap_or("sunday");
    vec![Field::new(
        "day",
        "Review on",
        FieldKind::Choice(WEEKDAYS),
        day,
    )]
}

/// The journey's next stage after `stage` when chained: the goal stages need the journey's
/// goal (still in the plan), so they are passed over without one.
pub fn next_stage(plan: &Plan, journey: &Journey, stage: Stage) -> Option<Stage> {
    let has_goal = journey.goal.is_some_and(|id| plan.goal(id).is_some());
    stage.after(has_goal)
}

/// When the plan's first review falls ("Sunday, 2026-11-29"): for the journey's closing
/// words. A plan made on its review day gets its first review a week later.
pub fn review_day_words(plan: &Plan, day: Weekday, today: NaiveDate) -> String {
    let first = crate::model::weekly::first_review(plan, today, day);
    let lower = WEEKDAYS[day.num_days_from_monday() as usize];
    let name = lower[..1].to_uppercase() + &lower[1..];
    format!("{name}, {first}")
}
