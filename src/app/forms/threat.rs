//! Making a SWOT threat a barrier on a goal: the form that asks on which goal and what the
//! person will do when it happens, and what submitting it changes.

use super::{Field, FieldKind, Form, FormKind, Reader};
use crate::app::change::Change;
use crate::model::Plan;
use chrono::NaiveDate;

/// Asks on which goal SWOT threat number `at` becomes a barrier.
pub fn threat_to_barrier(plan: &Plan, at: usize) -> Form {
    let first = plan.goals.iter().find(|g| g.is_active()).map(|g| g.id);
    let fields = vec![
        Field::new(
            "goal",
            "On goal (#id or title)",
            FieldKind::Text,
            &super::profile::goal_text(plan, first),
        ),
        Field::new("then", "If it happens, then I…", FieldKind::Text, ""),
    ];
    let threat = plan
        .profile
        .swot
        .threats
        .get(at)
        .cloned()
        .unwrap_or_default();
    let mut form = Form::new(
        FormKind::ThreatToBarrier(at),
        "Threat → barrier".into(),
        fields,
    );
    form.note = Some(format!(
        "“{threat}” becomes a barrier on the goal you name, with what you will do when it happens."
    ));
    form
}

/// The threat as a barrier on the goal the form names; `None` with errors on the form.
pub fn submit_threat(form: &mut Form, plan: &Plan, at: usize, today: NaiveDate) -> Option<Change> {
    let mut r = Reader::new(form, today);
    let i = r.index("goal");
    let Some(goal) = super::profile::goal_at(&mut r, plan, i) else {
        if r.ok() {
            r.fail_at(i, "Name the goal it threatens (#12 or part of its title).");
        }
        return None;
    };
    let then_plan = r.line("then");
    if then_plan.is_empty() {
        r.fail("then", crate::model::lived::NEW_NEEDS_A_PLAN);
        return None;
    }
    let Some(op) = crate::model::feed::threat_to_barrier(plan, at, goal, &then_plan) else {
        r.fail_at(i, "That goal already has this barrier.");
        return None;
    };
    Some(
        Change::new(op, "make a threat a barrier")
            .selecting(goal)
            .saying("The threat is a barrier on the goal, with its if–then plan."),
    )
}
