//! The goal editor: the SMART card, barriers and resources, check-ins and settings, each a
//! page of one form; filled from the goal and submitted as one update of it.

use super::prompts::{CONFIDENCE, INTERVAL, LEVELS, WEIGHT, date_text, number_text};
use super::read::join_list;
use super::{Field, FieldKind, Form, FormKind, Reader};
use crate::app::change::Change;
use crate::model::smart;
use crate::model::{
    Barrier, BarrierStatus, CheckIn, Goal, Horizon, Measure, Node, Op, Resource, ResourceKind,
};
use chrono::NaiveDate;

const HORIZONS: &[&str] = &["from deadline", "short-term", "long-term"];

/// The goal editor's pages, each one key away (PgDn / PgUp, or Alt and its number).
pub const PAGES: [&str; 5] = [
    "SMART card",
    "Measures",
    "Barriers and resources",
    "Check-ins",
    "Settings",
];

/// The full editor of a goal, in pages: the SMART card; its measures; barriers and
/// resources; check-ins (rows that can be added, deleted and reordered); and the settings and
/// notes.
pub fn edit_goal(goal: &Goal, profile: &crate::model::Profile, today: NaiveDate) -> Form {
    let mut form = Form::new(
        FormKind::EditGoal(goal.id),
        format!("Goal {}", goal.num),
        goal_fields(goal, profile),
    );
    form.pages = PAGES.to_vec();
    super::measures::push_section(&mut form, 1, goal);
    form.push_section_on(
        2,
        "barriers",
        "Barriers and if–then plans",
        barrier_row(&Barrier::default()),
        goal.barriers.iter().map(barrier_row).collect(),
    );
    form.push_section_on(
        2,
        "resources",
        "Resources",
        resource_row(&Resource::default()),
        goal.resources.iter().map(resource_row).collect(),
    );
    let blank = CheckIn {
        confidence: 3,
        ..CheckIn::default()
    };
    form.push_section_on(
        3,
        "checkins",
        "Check-ins",
        checkin_row(&blank, true),
        goal.checkins
            .iter()
            .map(|c| checkin_row(c, false))
            .collect(),
    );
    form.note = smart_note(goal, today);
    form
}

/// The SMART card's fields (page 0), then the settings (page 4).
fn goal_fields(goal: &Goal, profile: &crate::model::Profile) -> Vec<Field> {
    let mut fields = smart_fields(goal, profile);
    let mut settings = setting_fields(goal);
    settings.iter_mut().for_each(|f| f.page = 4);
    fields.append(&mut settings);
    fields
}

/// A field to pick the goal's values or strengths from the profile's (and any the goal
/// already names that the profile does not); typed when there is nothing to pick from.
fn pick_from_profile(
    name: &'static str,
    label: &str,
    profile: &[String],
    goal: &[String],
) -> Field {
    let mut options: Vec<String> = profile.to_vec();
    for g in goal {
        if !options.iter().any(|o| o.eq_ignore_ascii_case(g)) {
            options.push(g.clone());
        }
    }
    if options.is_empty() {
        return Field::new(name, format!("{label} (a, b)"), FieldKind::Text, "");
    }
    Field::new(name, label, FieldKind::Picks(options), &join_list(goal))
}

fn smart_fields(goal: &Goal, profile: &crate::model::Profile) -> Vec<Field> {
    let values: Vec<String> = profile.values.iter().map(|v| v.name.clone()).collect();
    let strengths: Vec<String> = profile.strengths.iter().map(|q| q.name.clone()).collect();
    vec![
        Field::new("title", "Title", FieldKind::Title, &goal.title),
        Field::new(
            "description",
            "S · What will change",
            FieldKind::LongText,
            &goal.description,
        ),
        Field::new(
            "achievable",
            "A · Why reachable",
            FieldKind::LongText,
            &goal.achievable,
        ),
        Field::new(
            "relevant",
            "R · Why it matters",
            FieldKind::LongText,
            &goal.relevant,
        ),
        pick_from_profile("values", "R · Values", &values, &goal.values),
        pick_from_profile("strengths", "R · Strengths", &strengths, &goal.strengths),
        Field::new(
            "deadline",
            "T · Deadline",
            FieldKind::Date,
            &date_text(goal.deadline),
        ),
    ]
}

fn setting_fields(goal: &Goal) -> Vec<Field> {
    let horizon = match goal.horizon {
        None => HORIZONS[0],
        Some(Horizon::ShortTerm) => HORIZONS[1],
        Some(Horizon::LongTerm) => HORIZONS[2],
    };
    vec![
        Field::new(
            "start_date",
            "Pace starts on",
            FieldKind::Date,
            &date_text(goal.start),
        ),
        Field::new("horizon", "Horizon", FieldKind::Choice(HORIZONS), horizon),
        Field::new(
            "importance",
            "Importance 1–3",
            LEVELS,
            &goal.importance.to_string(),
        ),
        Field::new("urgency", "Urgency 1–3", LEVELS, &goal.urgency.to_string()),
        Field::new(
            "focus",
            "Focus goal",
            FieldKind::Choice(NO_YES),
            NO_YES[usize::from(goal.focus)],
        ),
        Field::new(
            "weight",
            "Weight in overall %",
            WEIGHT,
            &number_text(goal.weight),
        ),
        Field::new(
            "tags",
            "Tags (a, b)",
            FieldKind::Text,
            &join_list(&goal.tags),
        ),
        Field::new(
            "interval",
            "Review every (days)",
            INTERVAL,
            &goal.review_interval_days.to_string(),
        ),
        Field::new("notes", "Notes", FieldKind::LongText, &goal.notes),
    ]
}

const NO_YES: &[&str] = &["no", "yes"];
const BARRIER_STATES: &[&str] = &["open", "overcome"];
/// The kinds of resource a choice offers, and the kind each stands for.
pub(crate) const RESOURCE_KINDS: &[&str] = &["skill", "people", "money", "time", "tool", "other"];
pub(crate) const RESOURCE_KIND_VALUES: [ResourceKind; 6] = [
    ResourceKind::Skill,
    ResourceKind::People,
    ResourceKind::Money,
    ResourceKind::Time,
    ResourceKind::Tool,
    ResourceKind::Other,
];
const YES_NO: &[&str] = &["no", "yes"];

fn barrier_row(b: &Barrier) -> Vec<Field> {
    let status = if b.status == BarrierStatus::Overcome {
        "overcome"
    } else {
        "open"
    };
    vec![
        Field::new("obstacle", "• Obstacle", FieldKind::Text, &b.obstacle),
        Field::new("strategy", "  If… then I…", FieldKind::Text, &b.strategy),
        Field::new(
            "barrier_status",
            "  Status",
            FieldKind::Choice(BARRIER_STATES),
            status,
        ),
    ]
}

fn resource_row(r: &Resource) -> Vec<Field> {
    let kind = RESOURCE_KIND_VALUES
        .iter()
        .position(|k| *k == r.kind)
        .unwrap_or(5);
    vec![
        Field::new("what", "• What is needed", FieldKind::Text, &r.what),
        Field::new(
            "kind",
            "  Kind",
            FieldKind::Choice(RESOURCE_KINDS),
            RESOURCE_KINDS[kind],
        ),
        Field::new(
            "secured",
            "  Secured",
            FieldKind::Choice(YES_NO),
            YES_NO[usize::from(r.secured)],
        ),
    ]
}

fn checkin_row(c: &CheckIn, blank_date: bool) -> Vec<Field> {
    let date = if blank_date {
        "today".to_string()
    } else {
        c.date.to_string()
    };
    vec![
        Field::new("checkin_date", "• Date", FieldKind::Date, &date),
        Field::new(
            "checkin_confidence",
            "  Confidence 1–5",
            CONFIDENCE,
            &c.confidence.clamp(1, 5).to_string(),
        ),
        Field::new("checkin_note", "  Note", FieldKind::Text, &c.note),
    ]
}

pub(super) fn smart_note(goal: &Goal, today: NaiveDate) -> Option<String> {
    let missing = smart::missing(goal, today);
    let first = missing.first()?;
    Some(format!(
        "Not yet SMART ({}): {}",
        smart::gaps_label(goal, today),
        smart::advice(goal, *first, today).unwrap_or_default()
    ))
}

/// The one measure a form's unit, start, current and target fields describe (the guided
/// start asks for one), named after its unit, its id still to give; `None` when all are
/// blank, an error on the target when it is missing.
pub(crate) fn read_measure(r: &mut Reader<'_>) -> Option<Measure> {
    let unit = r.line("unit");
    let (start, current, target) = (r.number("start"), r.number("current"), r.number("target"));
    if unit.is_empty() && start.is_none() && current.is_none() && target.is_none() {
        return None;
    }
    if target.is_none() && r.is_blank("target") {
        r.fail("target", "A measure needs a target.");
    }
    let start = start.unwrap_or(0.0);
    let mut m = Measure::new(&unit, &unit, start, target.unwrap_or(0.0));
    m.current = current.unwrap_or(start);
    if m.name.is_empty() {
        m.name = "Result".into();
    }
    Some(m)
}

/// The goal as the editor has it, or `None` with the errors on the form. A new measure takes
/// its id from `new_id`.
pub fn submit(
    form: &mut Form,
    goal: &Goal,
    today: NaiveDate,
    new_id: &mut dyn FnMut() -> u64,
) -> Option<Change> {
    let mut g = goal.without_children();
    let mut r = Reader::new(form, today);
    g.title = r.title("title");
    g.description = r.text("description");
    g.measures = super::measures::read(&mut r, &goal.measures, new_id);
    g.achievable = r.text("achievable");
    g.relevant = r.text("relevant");
    g.values = r.list("values");
    g.deadline = r.date("deadline");
    g.start = r.date("start_date");
    g.horizon = [None, Some(Horizon::ShortTerm), Some(Horizon::LongTerm)][r.choice("horizon")];
    g.importance = r.small("importance").unwrap_or(g.importance);
    g.urgency = r.small("urgency").unwrap_or(g.urgency);
    g.focus = r.choice("focus") == 1;
    g.weight = r.number("weight").unwrap_or(g.weight);
    g.tags = r.list("tags");
    g.review_interval_days = r
        .number("interval")
        .map_or(g.review_interval_days, |v| v as u32);
    g.notes = r.text("notes");
    g.strengths = r.list("strengths");
    g.barriers = read_barriers(&mut r, &goal.barriers);
    g.resources = read_resources(&mut r);
    g.checkins = read_checkins(&mut r);
    if !r.ok() {
        return None;
    }
    let label = format!("edit goal “{}”", g.title);
    let id = g.id;
    let op = Op::Update {
        node: Node::Goal(Box::new(g)),
    };
    Some(Change::new(op, label).selecting(id))
}

/// The barrier rows; a barrier keeps its log of when it got in the way while its obstacle
/// reads the same (case aside).
fn read_barriers(r: &mut Reader<'_>, before: &[Barrier]) -> Vec<Barrier> {
    let mut out = Vec::new();
    for row in r.rows("barriers") {
        let (obstacle, strategy) = (r.line_at(row[0]), r.line_at(row[1]));
        if obstacle.is_empty() && strategy.is_empty() {
            continue;
        }
        if obstacle.is_empty() {
            r.fail_at(row[0], "Name the obstacle this plan is for.");
        }
        let status = if r.choice_at(row[2]) == 1 {
            BarrierStatus::Overcome
        } else {
            BarrierStatus::Open
        };
        let log = match before
            .iter()
            .find(|b| b.obstacle.eq_ignore_ascii_case(&obstacle))
        {
            Some(b) if b.strategy == strategy => b.log.clone(),
            Some(b) => crate::model::lived::plan_rewritten(b.log.clone()),
            None => Vec::new(),
        };
        out.push(Barrier {
            obstacle,
            strategy,
            status,
            log,
        });
    }
    out
}

fn read_resources(r: &mut Reader<'_>) -> Vec<Resource> {
    let mut out = Vec::new();
    for row in r.rows("resources") {
        let what = r.line_at(row[0]);
        if what.is_empty() {
            continue;
        }
        let kind = RESOURCE_KIND_VALUES[r.choice_at(row[1]).min(5)];
        out.push(Resource {
            what,
            kind,
            secured: r.choice_at(row[2]) == 1,
        });
    }
    out
}

fn read_checkins(r: &mut Reader<'_>) -> Vec<CheckIn> {
    let mut out = Vec::new();
    for row in r.rows("checkins") {
        let date = r.date_at(row[0]);
        let confidence = r.number_at(row[1]).map_or(3, |v| v.round() as u8);
        let note = r.line_at(row[2]);
        match date {
            Some(date) => out.push(CheckIn {
                date,
                confidence,
                note,
                ..CheckIn::default()
            }),
            None if r.ok() => r.fail_at(row[0], "A check-in needs a date."),
            None => {}
        }
    }
    out.sort_by_key(|c| c.date);
    out
}
