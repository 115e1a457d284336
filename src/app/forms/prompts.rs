//! The small forms about items of the plan: a new goal or child, the milestone and step
//! editors, a check-in, a new date, a file for a copy; which fields each has, filled from the
//! item, and what each submits. (The goal editor is in `goal`.)

use super::{Field, FieldKind, Form, FormKind, Reader, Submitted};
use crate::app::change::Change;
use crate::model::limits;
use crate::model::{ActionStep, CheckIn, Goal, ItemId, ItemKind, Milestone, Node, Op, Plan};
use chrono::NaiveDate;

pub(super) const LEVELS: FieldKind = FieldKind::Number {
    min: limits::LEVEL.min,
    max: limits::LEVEL.max,
    optional: false,
};
pub(super) const CONFIDENCE: FieldKind = FieldKind::Number {
    min: limits::CONFIDENCE.min,
    max: limits::CONFIDENCE.max,
    optional: false,
};
pub(super) const WEIGHT: FieldKind = FieldKind::Number {
    min: limits::WEIGHT.min,
    max: limits::WEIGHT.max,
    optional: false,
};
pub(super) const AMOUNT: FieldKind = FieldKind::Number {
    min: limits::AMOUNT.min,
    max: limits::AMOUNT.max,
    optional: true,
};
pub(super) const INTERVAL: FieldKind = FieldKind::Number {
    min: limits::INTERVAL_DAYS.min,
    max: limits::INTERVAL_DAYS.max,
    optional: false,
};

pub(super) fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub(super) use crate::model::text::number_text;

/// The prompt for a new goal: title first, so `n`, a title and Enter make a goal. `edit_key`
/// is the key that opens the full editor, as the keymap in force has it.
pub fn new_goal(edit_key: &str) -> Form {
    let fields = vec![
        Field::new("title", "Title", FieldKind::Title, ""),
        Field::new("deadline", "Deadline", FieldKind::Date, ""),
    ];
    let mut form = Form::new(FormKind::NewGoal, "New goal".into(), fields);
    form.note = Some(format!(
        "What do you want to reach? Press {edit_key} on it later to fill in the SMART card."
    ));
    form
}

/// The prompt for a new milestone or step under `parent`; `pick` names the keys that pick a
/// choice (for the Repeats note).
pub fn new_child(
    parent: ItemId,
    parent_title: &str,
    (kind, index): (ItemKind, usize),
    pick: &str,
) -> Form {
    let date_label = if kind == ItemKind::Milestone {
        "Target date"
    } else {
        "Due"
    };
    let mut fields = vec![
        Field::new("title", "Title", FieldKind::Title, ""),
        Field::new("date", date_label, FieldKind::Date, ""),
    ];
    if kind == ItemKind::Step {
        fields.extend(super::repeats::fields(None));
    }
    let title = format!("New {} under “{parent_title}”", kind.label());
    let mut form = Form::new(
        FormKind::NewChild {
            parent,
            kind,
            index,
        },
        title,
        fields,
    );
    if kind == ItemKind::Step {
        form.note = Some(super::repeats::hint(pick));
    }
    form
}

/// The editor of a milestone.
pub fn edit_milestone(m: &Milestone) -> Form {
    let fields = vec![
        Field::new("title", "Title", FieldKind::Title, &m.title),
        Field::new("date", "Target date", FieldKind::Date, &date_text(m.target)),
        Field::new("weight", "Weight", WEIGHT, &number_text(m.weight)),
        Field::new("notes", "Notes", FieldKind::LongText, &m.notes),
    ];
    Form::new(
        FormKind::EditMilestone(m.id),
        format!("Milestone {}", m.num),
        fields,
    )
}

/// The editor of a step; `pick` names the keys that pick a choice (for the Repeats note).
pub fn edit_step(s: &ActionStep, pick: &str) -> Form {
    let mut fields = vec![
        Field::new("title", "Title", FieldKind::Title, &s.title),
        Field::new("date", "Due", FieldKind::Date, &date_text(s.due)),
        Field::new(
            "importance",
            "Importance 1–3",
            LEVELS,
            &s.importance.to_string(),
        ),
        Field::new("urgency", "Urgency 1–3", LEVELS, &s.urgency.to_string()),
    ];
    fields.extend(super::repeats::fields(s.recurrence));
    fields.push(Field::new("notes", "Notes", FieldKind::LongText, &s.notes));
    let mut form = Form::new(FormKind::EditStep(s.id), format!("Step {}", s.num), fields);
    form.note = Some(super::repeats::hint(pick));
    form
}

/// The check-in prompt for a goal: each measure's value (blank keeps it), confidence, a
/// note, and what got in the way.
pub fn check_in(goal: &Goal) -> Form {
    let confidence = goal
        .latest_checkin()
        .map_or(3, |c| c.confidence.clamp(1, 5));
    let mut fields = super::measures::check_in_fields(goal);
    fields.push(Field::new(
        "confidence",
        "Confidence 1–5",
        CONFIDENCE,
        &confidence.to_string(),
    ));
    fields.push(Field::new("note", "How is it going?", FieldKind::Text, ""));
    fields.extend(super::coach::in_the_way_fields(goal));
    let mut form = Form::new(
        FormKind::CheckIn(goal.id),
        format!("Check in on “{}”", goal.title),
        fields,
    );
    form.note = Some(if goal.barriers.is_empty() {
        "How sure are you of getting there, from 1 to 5? And did anything get in the way? \
         Name it, with what you will do next time."
            .into()
    } else {
        "How sure are you of getting there, from 1 to 5? And did anything get in the way? \
         Space picks a barrier that did; something new needs what you will do next time."
            .into()
    });
    form
}

/// The prompt for a new date of a step, milestone or goal.
pub fn reschedule(id: ItemId, title: &str, date: Option<NaiveDate>) -> Form {
    let fields = vec![Field::new(
        "date",
        "New date",
        FieldKind::Date,
        &date_text(date),
    )];
    let mut form = Form::new(
        FormKind::Reschedule(id),
        format!("New date for “{title}”"),
        fields,
    );
    form.note = Some(
        "Type to replace the date; empty means none. +1w, fri, eom and 2027-01-31 all work.".into(),
    );
    form
}

/// The prompt for a file to write a copy of the whole plan to.
pub fn write_copy() -> Form {
    let fields = vec![Field::new("path", "Write a copy to", FieldKind::Text, "")];
    let mut form = Form::new(
        FormKind::WriteCopy,
        "Write a copy of the plan".into(),
        fields,
    );
    form.note =
        Some("A file on another disk if this one is full, e.g. /tmp/plan-copy.json.".into());
    form
}

pub(super) fn submit_new_goal(
    form: &mut Form,
    plan: &mut Plan,
    today: NaiveDate,
) -> Option<Change> {
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
    Some(Change::new(op, format!("add goal “{title}”")).selecting(id))
}

/// A new milestone (with its target date) or step (with its due date).
/// A new milestone or step titled `title`, dated `date`, under `parent` in `plan`: a new
/// step takes its goal's importance (a step matters as much as what it serves).
pub(super) fn child_node(
    plan: &Plan,
    parent: ItemId,
    (id, kind): (ItemId, ItemKind),
    title: &str,
    date: Option<NaiveDate>,
) -> Node {
    if kind == ItemKind::Milestone {
        let mut m = Milestone::new(id, title);
        m.target = date;
        Node::Milestone(Box::new(m))
    } else {
        let mut s = ActionStep::new(id, title);
        s.due = date;
        if let Some(goal) = plan.goal_of(parent) {
            s.importance = goal.importance;
        }
        Node::Step(Box::new(s))
    }
}

pub(super) fn submit_new_child(
    form: &mut Form,
    plan: &mut Plan,
    today: NaiveDate,
    (parent, kind, index): (ItemId, ItemKind, usize),
) -> Option<Change> {
    let mut r = Reader::new(form, today);
    let title = r.title("title");
    let date = r.date("date");
    let repeats = if kind == ItemKind::Step {
        super::repeats::read(&mut r)
    } else {
        None
    };
    if repeats.is_some() && date.is_none() {
        r.fail("date", "A repeating step needs a due date: its first time.");
    }
    if !r.ok() {
        return None;
    }
    let id = plan.new_id();
    let mut node = child_node(plan, parent, (id, kind), &title, date);
    if let Node::Step(s) = &mut node {
        s.recurrence = repeats;
    }
    let op = Op::Insert {
        parent: Some(parent),
        index,
        node,
    };
    Some(Change::new(op, format!("add {} “{title}”", kind.label())).selecting(id))
}

pub(super) fn submit_milestone(form: &mut Form, m: &Milestone, today: NaiveDate) -> Option<Change> {
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
    let id = m.id;
    let op = Op::Update {
        node: Node::Milestone(Box::new(m)),
    };
    Some(Change::new(op, label).selecting(id))
}

pub(super) fn submit_step(form: &mut Form, s: &ActionStep, today: NaiveDate) -> Option<Change> {
    let mut s = s.clone();
    let mut r = Reader::new(form, today);
    s.title = r.title("title");
    s.set_due(r.date("date"));
    s.importance = r.small("importance").unwrap_or(s.importance);
    s.urgency = r.small("urgency").unwrap_or(s.urgency);
    s.recurrence = super::repeats::read(&mut r);
    s.notes = r.text("notes");
    if s.recurrence.is_some() && s.due.is_none() {
        r.fail("date", "A repeating step needs a due date.");
    }
    if !r.ok() {
        return None;
    }
    let label = format!("edit step “{}”", s.title);
    let id = s.id;
    let op = Op::Update {
        node: Node::Step(Box::new(s)),
    };
    Some(Change::new(op, label).selecting(id))
}

pub(super) fn submit_check_in(form: &mut Form, goal: &Goal, today: NaiveDate) -> Option<Change> {
    let g = goal.without_children();
    let mut r = Reader::new(form, today);
    let values = super::measures::read_check_in(&mut r, goal);
    let confidence = r.small("confidence");
    let note = r.text("note");
    let said = super::coach::read_in_the_way(&mut r, goal);
    if !r.ok() {
        return None;
    }
    let mut g = crate::model::lived::log(&g, &said, today).unwrap_or(g);
    for (id, value) in values {
        if let Some(m) = g.measures.iter_mut().find(|m| m.id == id) {
            m.record(today, value);
        }
    }
    g.checkins.push(CheckIn {
        date: today,
        confidence: confidence.unwrap_or(3),
        note,
        ..CheckIn::default()
    });
    let label = format!("check in on “{}”", g.title);
    let said = if said.is_empty() {
        "Check-in recorded."
    } else {
        "Check-in recorded, and what got in the way logged on its barriers."
    };
    let id = g.id;
    let op = Op::Update {
        node: Node::Goal(Box::new(g)),
    };
    Some(Change::new(op, label).selecting(id).saying(said))
}

pub(super) fn submit_reschedule(
    form: &mut Form,
    plan: &Plan,
    id: ItemId,
    today: NaiveDate,
) -> Option<Change> {
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
    Some(Change::new(Op::Update { node }, label).selecting(id))
}

/// The file a copy of the plan goes to; a blank name is an error under the field.
pub fn submit_write_copy(form: &mut Form) -> Submitted {
    let path = form.raw("path").trim().to_string();
    if path.is_empty() {
        form.set_error_at(0, "Name a file, e.g. /tmp/plan-copy.json.".into());
        return Submitted::Invalid;
    }
    Submitted::WriteCopy(std::path::PathBuf::from(path))
}
