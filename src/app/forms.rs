//! The forms for goals, milestones, steps and check-ins: which fields each has, filled from
//! the item, and how a filled form becomes an operation on the plan.

use super::form::{Field, FieldKind, Reader};
use super::state::{FormPurpose, ItemForm};
use crate::model::check;
use crate::model::smart;
use crate::model::{
    ActionStep, Barrier, BarrierStatus, CheckIn, Goal, Horizon, ItemId, ItemKind, Measure,
    Milestone, Node, Op, Plan, Recurrence, Resource, ResourceKind,
};
use chrono::NaiveDate;

const LEVELS: FieldKind = FieldKind::Number {
    min: check::LEVEL.min,
    max: check::LEVEL.max,
    optional: false,
};
const CONFIDENCE: FieldKind = FieldKind::Number {
    min: check::CONFIDENCE.min,
    max: check::CONFIDENCE.max,
    optional: false,
};
const WEIGHT: FieldKind = FieldKind::Number {
    min: check::WEIGHT.min,
    max: check::WEIGHT.max,
    optional: false,
};
const AMOUNT: FieldKind = FieldKind::Number {
    min: check::AMOUNT.min,
    max: check::AMOUNT.max,
    optional: true,
};
const INTERVAL: FieldKind = FieldKind::Number {
    min: check::INTERVAL_DAYS.min,
    max: check::INTERVAL_DAYS.max,
    optional: false,
};
const REPEATS: &[&str] = &["no", "weekly", "monthly"];
const HORIZONS: &[&str] = &["from deadline", "short-term", "long-term"];

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

/// The prompt for a new goal: title first, so `n`, a title and Enter make a goal.
pub fn new_goal() -> ItemForm {
    let fields = vec![
        Field::new("title", "Title", FieldKind::Title, ""),
        Field::new("deadline", "Deadline", FieldKind::Date, ""),
    ];
    let mut form = ItemForm::new(FormPurpose::NewGoal, "New goal".into(), fields);
    form.note =
        Some("What do you want to reach? Press e on it later to fill in the SMART card.".into());
    form
}

/// The prompt for a new milestone or step under `parent`.
pub fn new_child(parent: ItemId, parent_title: &str, kind: ItemKind, index: usize) -> ItemForm {
    let date_label = if kind == ItemKind::Milestone {
        "Target date"
    } else {
        "Due"
    };
    let fields = vec![
        Field::new("title", "Title", FieldKind::Title, ""),
        Field::new("date", date_label, FieldKind::Date, ""),
    ];
    let title = format!("New {} under “{parent_title}”", kind.label());
    ItemForm::new(
        FormPurpose::NewChild {
            parent,
            kind,
            index,
        },
        title,
        fields,
    )
}

/// The full editor of a goal: the SMART card, the rest of its fields, and its barriers,
/// resources and check-ins as rows that can be added, deleted and reordered.
pub fn edit_goal(goal: &Goal, profile: &crate::model::Profile) -> ItemForm {
    let mut form = ItemForm::new(
        FormPurpose::EditGoal(goal.id),
        format!("Goal {}", goal.id),
        goal_fields(goal),
    );
    form.push_section(
        "barriers",
        "Barriers and if–then plans",
        barrier_row(&Barrier::default()),
        goal.barriers.iter().map(barrier_row).collect(),
    );
    form.push_section(
        "resources",
        "Resources",
        resource_row(&Resource::default()),
        goal.resources.iter().map(resource_row).collect(),
    );
    let blank = CheckIn {
        confidence: 3,
        ..CheckIn::default()
    };
    form.push_section(
        "checkins",
        "Check-ins",
        checkin_row(&blank, true),
        goal.checkins
            .iter()
            .map(|c| checkin_row(c, false))
            .collect(),
    );
    form.note = [smart_note(goal), profile_note(profile)]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a}\n{b}"));
    form
}

/// The profile's values and strengths, to pick from for "R · Values" and "R · Strengths".
fn profile_note(profile: &crate::model::Profile) -> Option<String> {
    let values: Vec<&str> = profile.values.iter().map(|v| v.name.as_str()).collect();
    let strengths: Vec<&str> = profile.strengths.iter().map(|q| q.name.as_str()).collect();
    if values.is_empty() && strengths.is_empty() {
        return None;
    }
    Some(format!(
        "Your values: {} · strengths: {}",
        values.join(", "),
        strengths.join(", ")
    ))
}

fn goal_fields(goal: &Goal) -> Vec<Field> {
    let m = goal.measure.clone().unwrap_or_default();
    let has_measure = goal.measure.is_some();
    let amount = |v: f64| {
        if has_measure {
            number_text(v)
        } else {
            String::new()
        }
    };
    let horizon = match goal.horizon {
        None => HORIZONS[0],
        Some(Horizon::ShortTerm) => HORIZONS[1],
        Some(Horizon::LongTerm) => HORIZONS[2],
    };
    vec![
        Field::new("title", "Title", FieldKind::Title, &goal.title),
        Field::new(
            "description",
            "S · What will change",
            FieldKind::LongText,
            &goal.description,
        ),
        Field::new("unit", "M · Measure unit", FieldKind::Text, &m.unit),
        Field::new("start", "M · Start value", AMOUNT, &amount(m.start)),
        Field::new("current", "M · Current value", AMOUNT, &amount(m.current)),
        Field::new("target", "M · Target value", AMOUNT, &amount(m.target)),
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
        Field::new(
            "values",
            "R · Values (a, b)",
            FieldKind::Text,
            &goal.values.join(", "),
        ),
        Field::new(
            "strengths",
            "R · Strengths (a, b)",
            FieldKind::Text,
            &goal.strengths.join(", "),
        ),
        Field::new(
            "deadline",
            "T · Deadline",
            FieldKind::Date,
            &date_text(goal.deadline),
        ),
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
        Field::new("weight", "Weight", WEIGHT, &number_text(goal.weight)),
        Field::new(
            "tags",
            "Tags (a, b)",
            FieldKind::Text,
            &goal.tags.join(", "),
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

const BARRIER_STATES: &[&str] = &["open", "overcome"];
const RESOURCE_KINDS: &[&str] = &["skill", "people", "money", "time", "tool", "other"];
const RESOURCE_KIND_VALUES: [ResourceKind; 6] = [
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
    let value = c.value.map(number_text).unwrap_or_default();
    vec![
        Field::new("checkin_date", "• Date", FieldKind::Date, &date),
        Field::new("checkin_value", "  Value", AMOUNT, &value),
        Field::new(
            "checkin_confidence",
            "  Confidence 1–5",
            CONFIDENCE,
            &c.confidence.clamp(1, 5).to_string(),
        ),
        Field::new("checkin_note", "  Note", FieldKind::Text, &c.note),
    ]
}

fn smart_note(goal: &Goal) -> Option<String> {
    let missing = smart::missing(goal);
    let first = missing.first()?;
    Some(format!(
        "Not yet SMART ({}): {}",
        smart::gaps_label(goal),
        first.hint()
    ))
}

/// The editor of a milestone.
pub fn edit_milestone(m: &Milestone) -> ItemForm {
    let fields = vec![
        Field::new("title", "Title", FieldKind::Title, &m.title),
        Field::new("date", "Target date", FieldKind::Date, &date_text(m.target)),
        Field::new("weight", "Weight", WEIGHT, &number_text(m.weight)),
        Field::new("notes", "Notes", FieldKind::LongText, &m.notes),
    ];
    ItemForm::new(
        FormPurpose::EditMilestone(m.id),
        format!("Milestone {}", m.id),
        fields,
    )
}

/// The editor of a step.
pub fn edit_step(s: &ActionStep) -> ItemForm {
    let repeats = match s.recurrence {
        None => REPEATS[0],
        Some(Recurrence::Weekly) => REPEATS[1],
        Some(Recurrence::Monthly) => REPEATS[2],
    };
    let fields = vec![
        Field::new("title", "Title", FieldKind::Title, &s.title),
        Field::new("date", "Due", FieldKind::Date, &date_text(s.due)),
        Field::new(
            "importance",
            "Importance 1–3",
            LEVELS,
            &s.importance.to_string(),
        ),
        Field::new("urgency", "Urgency 1–3", LEVELS, &s.urgency.to_string()),
        Field::new("repeats", "Repeats", FieldKind::Choice(REPEATS), repeats),
        Field::new("notes", "Notes", FieldKind::LongText, &s.notes),
    ];
    ItemForm::new(
        FormPurpose::EditStep(s.id),
        format!("Step {}", s.id),
        fields,
    )
}

/// The check-in prompt for a goal: the measure's value when it has one, confidence, a note.
pub fn check_in(goal: &Goal) -> ItemForm {
    let confidence = goal
        .latest_checkin()
        .map_or(3, |c| c.confidence.clamp(1, 5));
    let mut fields = Vec::new();
    if let Some(m) = &goal.measure {
        let label = if m.unit.is_empty() {
            "Value now".to_string()
        } else {
            format!("Value now ({})", m.unit)
        };
        fields.push(Field::new("value", label, AMOUNT, &number_text(m.current)));
    }
    fields.push(Field::new(
        "confidence",
        "Confidence 1–5",
        CONFIDENCE,
        &confidence.to_string(),
    ));
    fields.push(Field::new("note", "How is it going?", FieldKind::Text, ""));
    ItemForm::new(
        FormPurpose::CheckIn(goal.id),
        format!("Check in on “{}”", goal.title),
        fields,
    )
}

/// The prompt for a new date of a step, milestone or goal.
pub fn reschedule(id: ItemId, title: &str, date: Option<NaiveDate>) -> ItemForm {
    let fields = vec![Field::new(
        "date",
        "New date",
        FieldKind::Date,
        &date_text(date),
    )];
    let mut form = ItemForm::new(
        FormPurpose::Reschedule(id),
        format!("New date for “{title}”"),
        fields,
    );
    form.note = Some("Empty means no date. +1w, fri, eom and 2027-01-31 all work.".into());
    form
}

/// The prompt for a file to write a copy of the whole plan to.
pub fn write_copy() -> ItemForm {
    let fields = vec![Field::new("path", "Write a copy to", FieldKind::Text, "")];
    let mut form = ItemForm::new(
        FormPurpose::WriteCopy,
        "Write a copy of the plan".into(),
        fields,
    );
    form.note =
        Some("A file on another disk if this one is full, e.g. /tmp/plan-copy.json.".into());
    form
}

/// What saving a form does: the operation, its undo label, the item to select.
pub struct Submitted {
    pub op: Op,
    pub label: String,
    pub select: ItemId,
}

/// Reads the form and builds the operation; `None` when a field has an error (the errors
/// are then on the form) or the item is gone.
pub fn submit(form: &mut ItemForm, plan: &mut Plan, today: NaiveDate) -> Option<Submitted> {
    match form.purpose.clone() {
        FormPurpose::NewGoal => submit_new_goal(form, plan, today),
        FormPurpose::NewChild {
            parent,
            kind,
            index,
        } => submit_new_child(form, plan, today, parent, kind, index),
        FormPurpose::EditGoal(id) => submit_goal(form, plan.goal(id)?, today),
        FormPurpose::EditMilestone(id) => submit_milestone(form, plan.milestone(id)?, today),
        FormPurpose::EditStep(id) => submit_step(form, plan.step(id)?, today),
        FormPurpose::CheckIn(id) => submit_check_in(form, plan.goal(id)?, today),
        FormPurpose::Reschedule(id) => submit_reschedule(form, plan, id, today),
        FormPurpose::WriteCopy
        | FormPurpose::Reflection
        | FormPurpose::Profile(_)
        | FormPurpose::FirstPass => None,
    }
}

fn submit_new_goal(form: &mut ItemForm, plan: &mut Plan, today: NaiveDate) -> Option<Submitted> {
    let mut r = Reader::new(form, today);
    let title = r.title("title");
    let deadline = r.date("deadline");
    if !r.ok() {
        return None;
    }
    let id = plan.new_id();
    let mut goal = Goal::new(id, &title, today);
    goal.deadline = deadline;
    let node = Node::Goal(Box::new(goal));
    let op = Op::Insert {
        parent: None,
        index: usize::MAX,
        node,
    };
    Some(Submitted {
        op,
        label: format!("add goal “{title}”"),
        select: id,
    })
}

fn submit_new_child(
    form: &mut ItemForm,
    plan: &mut Plan,
    today: NaiveDate,
    parent: ItemId,
    kind: ItemKind,
    index: usize,
) -> Option<Submitted> {
    let mut r = Reader::new(form, today);
    let title = r.title("title");
    let date = r.date("date");
    if !r.ok() {
        return None;
    }
    let id = plan.new_id();
    let node = if kind == ItemKind::Milestone {
        let mut m = Milestone::new(id, &title);
        m.target = date;
        Node::Milestone(Box::new(m))
    } else {
        let mut s = ActionStep::new(id, &title);
        s.due = date;
        Node::Step(Box::new(s))
    };
    let op = Op::Insert {
        parent: Some(parent),
        index,
        node,
    };
    Some(Submitted {
        op,
        label: format!("add {} “{title}”", kind.label()),
        select: id,
    })
}

fn read_measure(r: &mut Reader<'_, FormPurpose>) -> Option<Measure> {
    let unit = r.line("unit");
    let (start, current, target) = (r.number("start"), r.number("current"), r.number("target"));
    if unit.is_empty() && start.is_none() && current.is_none() && target.is_none() {
        return None;
    }
    if target.is_none() {
        r.fail("target", "A measure needs a target.");
    }
    let start = start.unwrap_or(0.0);
    Some(Measure {
        unit,
        start,
        current: current.unwrap_or(start),
        target: target.unwrap_or(0.0),
    })
}

fn submit_goal(form: &mut ItemForm, goal: &Goal, today: NaiveDate) -> Option<Submitted> {
    let mut g = goal.without_children();
    let mut r = Reader::new(form, today);
    g.title = r.title("title");
    g.description = r.text("description");
    g.measure = read_measure(&mut r);
    g.achievable = r.text("achievable");
    g.relevant = r.text("relevant");
    g.values = r.list("values");
    g.deadline = r.date("deadline");
    g.start = r.date("start_date");
    g.horizon = [None, Some(Horizon::ShortTerm), Some(Horizon::LongTerm)][r.choice("horizon")];
    g.importance = r.small("importance").unwrap_or(g.importance);
    g.urgency = r.small("urgency").unwrap_or(g.urgency);
    g.weight = r.number("weight").unwrap_or(g.weight);
    g.tags = r.list("tags");
    g.review_interval_days = r
        .number("interval")
        .map_or(g.review_interval_days, |v| v as u32);
    g.notes = r.text("notes");
    g.strengths = r.list("strengths");
    g.barriers = read_barriers(&mut r);
    g.resources = read_resources(&mut r);
    g.checkins = read_checkins(&mut r);
    if !r.ok() {
        return None;
    }
    let label = format!("edit goal “{}”", g.title);
    Some(Submitted {
        select: g.id,
        op: Op::Update {
            node: Node::Goal(Box::new(g)),
        },
        label,
    })
}

fn read_barriers(r: &mut Reader<'_, FormPurpose>) -> Vec<Barrier> {
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
        out.push(Barrier {
            obstacle,
            strategy,
            status,
        });
    }
    out
}

fn read_resources(r: &mut Reader<'_, FormPurpose>) -> Vec<Resource> {
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

fn read_checkins(r: &mut Reader<'_, FormPurpose>) -> Vec<CheckIn> {
    let mut out = Vec::new();
    for row in r.rows("checkins") {
        let date = r.date_at(row[0]);
        let value = r.number_at(row[1]);
        let confidence = r.number_at(row[2]).map_or(3, |v| v.round() as u8);
        let note = r.line_at(row[3]);
        match date {
            Some(date) => out.push(CheckIn {
                date,
                value,
                confidence,
                note,
            }),
            None if r.ok() => r.fail_at(row[0], "A check-in needs a date."),
            None => {}
        }
    }
    out.sort_by_key(|c| c.date);
    out
}

fn submit_milestone(form: &mut ItemForm, m: &Milestone, today: NaiveDate) -> Option<Submitted> {
    let mut m = m.without_children();
    let mut r = Reader::new(form, today);
    m.title = r.title("title");
    m.target = r.date("date");
    m.weight = r.number("weight").unwrap_or(m.weight);
    m.notes = r.text("notes");
    if !r.ok() {
        return None;
    }
    let label = format!("edit milestone “{}”", m.title);
    Some(Submitted {
        select: m.id,
        op: Op::Update {
            node: Node::Milestone(Box::new(m)),
        },
        label,
    })
}

fn submit_step(form: &mut ItemForm, s: &ActionStep, today: NaiveDate) -> Option<Submitted> {
    let mut s = s.clone();
    let mut r = Reader::new(form, today);
    s.title = r.title("title");
    s.set_due(r.date("date"));
    s.importance = r.small("importance").unwrap_or(s.importance);
    s.urgency = r.small("urgency").unwrap_or(s.urgency);
    s.recurrence = [None, Some(Recurrence::Weekly), Some(Recurrence::Monthly)][r.choice("repeats")];
    s.notes = r.text("notes");
    if s.recurrence.is_some() && s.due.is_none() {
        r.fail("date", "A repeating step needs a due date.");
    }
    if !r.ok() {
        return None;
    }
    let label = format!("edit step “{}”", s.title);
    Some(Submitted {
        select: s.id,
        op: Op::Update {
            node: Node::Step(Box::new(s)),
        },
        label,
    })
}

fn submit_check_in(form: &mut ItemForm, goal: &Goal, today: NaiveDate) -> Option<Submitted> {
    let mut g = goal.without_children();
    let mut r = Reader::new(form, today);
    let value = if g.measure.is_some() {
        r.number("value")
    } else {
        None
    };
    let confidence = r.small("confidence");
    let note = r.text("note");
    if !r.ok() {
        return None;
    }
    if let (Some(m), Some(v)) = (g.measure.as_mut(), value) {
        m.current = v;
    }
    g.checkins.push(CheckIn {
        date: today,
        value,
        confidence: confidence.unwrap_or(3),
        note,
    });
    let label = format!("check in on “{}”", g.title);
    Some(Submitted {
        select: g.id,
        op: Op::Update {
            node: Node::Goal(Box::new(g)),
        },
        label,
    })
}

fn submit_reschedule(
    form: &mut ItemForm,
    plan: &Plan,
    id: ItemId,
    today: NaiveDate,
) -> Option<Submitted> {
    let mut r = Reader::new(form, today);
    let date = r.date("date");
    if !r.ok() {
        return None;
    }
    let node = match plan.locate(id)?.kind() {
        ItemKind::Goal => {
            let mut g = plan.goal(id)?.without_children();
            g.deadline = date;
            Node::Goal(Box::new(g))
        }
        ItemKind::Milestone => {
            let mut m = plan.milestone(id)?.without_children();
            m.target = date;
            Node::Milestone(Box::new(m))
        }
        ItemKind::Step => {
            let mut s = plan.step(id)?.clone();
            s.set_due(date);
            Node::Step(Box::new(s))
        }
    };
    let label = match date {
        Some(d) => format!("move to {d}"),
        None => "clear the date".to_string(),
    };
    Some(Submitted {
        op: Op::Update { node },
        label,
        select: id,
    })
}
