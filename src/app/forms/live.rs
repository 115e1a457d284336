//! What a form says back while it is being filled in: the goal editor's SMART line worked
//! out again from what is typed, on every keystroke; a milestone's or step's date after its
//! goal's deadline flagged under the field before saving, where saving it anyway takes a
//! second Enter.

use super::{Form, FormKind};
use crate::model::dates::parse_optional_date;
use crate::model::{Goal, ItemKind, Node, Op, Plan};
use chrono::NaiveDate;

/// Brings the form's live hints up to date with what is typed in it.
pub fn refresh(form: &mut Form, plan: &Plan, today: NaiveDate) {
    if let FormKind::EditGoal(id) = form.kind {
        if let Some(goal) = plan.goal(id) {
            refresh_smart(form, goal, today);
        }
        return;
    }
    let Some(at) = form.index_of("date") else {
        return;
    };
    form.fields[at].error = late_date(form, plan, today).map(|(_, said)| said);
}

/// The SMART line of the goal as it would be saved now; while something typed does not read
/// (a half-typed date), the line stays as it was.
fn refresh_smart(form: &mut Form, goal: &Goal, today: NaiveDate) {
    let mut copy = form.clone();
    let Some(change) = super::goal::submit(&mut copy, goal, today, &mut || 0) else {
        return;
    };
    if let Op::Update {
        node: Node::Goal(mut g),
    } = change.edit.op
    {
        g.milestones = goal.milestones.clone();
        g.steps = goal.steps.clone();
        form.note = Some(
            super::goal::smart_note(&g, today)
                .unwrap_or_else(|| "SMART: all five letters are covered.".to_string()),
        );
    }
}

/// The date field of a milestone, step or new child, and what to say when its date falls
/// after the goal's deadline; `None` when it does not (or the form has no such date).
pub fn late_date(form: &Form, plan: &Plan, today: NaiveDate) -> Option<(usize, String)> {
    let item = match form.kind {
        FormKind::EditStep(id) | FormKind::EditMilestone(id) => id,
        FormKind::Reschedule(id) if plan.locate(id)?.kind() != ItemKind::Goal => id,
        FormKind::NewChild { parent, .. } => parent,
        _ => return None,
    };
    let deadline = plan.goal_of(item)?.deadline?;
    let at = form.index_of("date")?;
    let date = parse_optional_date(form.fields[at].shown_value(), today).ok()??;
    (date > deadline).then(|| {
        (
            at,
            format!(
                "After the goal's deadline ({deadline}): Enter saves it anyway, or pick an \
                 earlier day (or move the deadline)."
            ),
        )
    })
}
