//! The Agenda as rows, and a selection over rows that is kept by id across edits. Pure:
//! plan in, rows out.

use super::super::action::Action;
use super::super::core::Core;
use crate::model::agenda::{self, Bucket};
use crate::model::{ItemId, ItemKind};
use chrono::NaiveDate;

/// One line of the Agenda screen.
#[derive(Clone, Debug, PartialEq)]
pub enum AgendaRow {
    Heading(String),
    /// A dated open goal, milestone or step.
    Item {
        id: ItemId,
        goal: ItemId,
        kind: ItemKind,
        date: NaiveDate,
        bucket: Bucket,
    },
    /// A goal that leads (focus) or needs a look (stalled, stuck).
    Goal {
        id: ItemId,
        why: GoalWhy,
    },
    /// A goal's next step, which has no date yet.
    Next {
        goal: ItemId,
        step: ItemId,
    },
    /// Something done today.
    Done(ItemId),
    /// Nothing dated is open: the screen says how to date a step.
    NothingDated,
}

impl AgendaRow {
    /// The item a row stands for; headings and notes stand for none.
    pub fn id(&self) -> Option<ItemId> {
        match self {
            AgendaRow::Item { id, .. } | AgendaRow::Goal { id, .. } => Some(*id),
            AgendaRow::Next { step, .. } => Some(*step),
            AgendaRow::Done(id) => Some(*id),
            _ => None,
        }
    }
}

/// Why a goal is listed on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalWhy {
    Focus,
    Stalled,
    Stuck,
}

/// The rows of the Agenda screen: the focus goals, the dated buckets, the undated next
/// actions, what was done today, then goals that need a look.
pub fn agenda_rows(core: &Core) -> Vec<AgendaRow> {
    let (plan, today) = (core.plan(), core.today());
    let a = agenda::agenda(plan, today, core.settings.week_start, &core.scope);
    let mut rows = Vec::new();
    push_goals(&mut rows, "Focus", &a.focus, GoalWhy::Focus);
    for bucket in Bucket::ALL {
        let items: Vec<_> = a.in_bucket(bucket).collect();
        if items.is_empty() {
            continue;
        }
        rows.push(AgendaRow::Heading(format!(
            "{} ({})",
            bucket.label(),
            items.len()
        )));
        rows.extend(items.into_iter().map(|i| AgendaRow::Item {
            id: i.id,
            goal: i.goal,
            kind: i.kind,
            date: i.date,
            bucket: i.bucket,
        }));
    }
    if a.items.is_empty() {
        rows.push(AgendaRow::NothingDated);
    }
    if !a.next_actions.is_empty() {
        rows.push(AgendaRow::Heading(format!(
            "Next actions, not dated ({})",
            a.next_actions.len()
        )));
        let next = a.next_actions.iter();
        rows.extend(next.map(|&(goal, step)| AgendaRow::Next { goal, step }));
    }
    if !a.done_today.is_empty() {
        rows.push(AgendaRow::Heading(format!(
            "Done today ({})",
            a.done_today.len()
        )));
        rows.extend(a.done_today.iter().map(|&id| AgendaRow::Done(id)));
    }
    let stalled = format!(
        "Stalled: nothing done or checked in for {} days",
        crate::model::agenda::STALLED_AFTER_DAYS
    );
    push_goals(&mut rows, &stalled, &a.stalled, GoalWhy::Stalled);
    push_goals(
        &mut rows,
        "Stuck: no open next step",
        &a.stuck,
        GoalWhy::Stuck,
    );
    rows
}

fn push_goals(rows: &mut Vec<AgendaRow>, heading: &str, ids: &[ItemId], why: GoalWhy) {
    if ids.is_empty() {
        return;
    }
    rows.push(AgendaRow::Heading(heading.to_string()));
    rows.extend(ids.iter().map(|&id| AgendaRow::Goal { id, why }));
}

/// A selection over a list whose rows may be unselectable (`None`), kept on the same id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListSel {
    pub id: Option<ItemId>,
    pub index: usize,
}

impl ListSel {
    /// Puts the selection back on its id after the rows changed, or on the nearest
    /// selectable row at or after where it was.
    pub fn fix(&mut self, rows: &[Option<ItemId>]) {
        if rows.get(self.index).copied().flatten().is_some() && rows[self.index] == self.id {
            return;
        }
        if let Some(i) = self
            .id
            .and_then(|id| rows.iter().position(|r| *r == Some(id)))
        {
            self.index = i;
            return;
        }
        let from = self.index.min(rows.len().saturating_sub(1));
        let after = (from..rows.len()).find(|&i| rows[i].is_some());
        let before = (0..from).rev().find(|&i| rows[i].is_some());
        self.set(rows, after.or(before));
    }

    fn set(&mut self, rows: &[Option<ItemId>], index: Option<usize>) {
        match index {
            Some(i) => {
                self.index = i;
                self.id = rows[i];
            }
            None => *self = ListSel::default(),
        }
    }

    /// Moves `delta` selectable rows (negative: up), stopping at the ends. Returns whether it
    /// moved.
    pub fn step(&mut self, rows: &[Option<ItemId>], delta: isize) -> bool {
        let mut moved = false;
        for _ in 0..delta.unsigned_abs() {
            let next = if delta > 0 {
                (self.index + 1..rows.len()).find(|&i| rows[i].is_some())
            } else {
                (0..self.index).rev().find(|&i| rows[i].is_some())
            };
            match next {
                Some(i) => {
                    self.set(rows, Some(i));
                    moved = true;
                }
                None => break,
            }
        }
        moved
    }

    /// Carries out a moving action (down, up, a page, top, bottom) over `rows`, a page being
    /// `page` rows; returns whether `action` was one.
    pub fn navigate(&mut self, rows: &[Option<ItemId>], action: &Action, page: isize) -> bool {
        match action {
            Action::MoveDown => _ = self.step(rows, 1),
            Action::MoveUp => _ = self.step(rows, -1),
            Action::PageDown => _ = self.step(rows, page),
            Action::PageUp => _ = self.step(rows, -page),
            Action::Top => self.jump(rows, false),
            Action::Bottom => self.jump(rows, true),
            _ => return false,
        }
        true
    }

    /// Selects the first (`last` false) or last selectable row.
    pub fn jump(&mut self, rows: &[Option<ItemId>], last: bool) {
        let found = if last {
            (0..rows.len()).rev().find(|&i| rows[i].is_some())
        } else {
            (0..rows.len()).find(|&i| rows[i].is_some())
        };
        self.set(rows, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Option<ItemId>> {
        vec![
            None,
            Some(ItemId(1)),
            Some(ItemId(2)),
            None,
            Some(ItemId(3)),
        ]
    }

    #[test]
    fn steps_skip_headings_and_stop_at_the_ends() {
        let rows = rows();
        let mut sel = ListSel::default();
        sel.fix(&rows);
        assert_eq!((sel.index, sel.id), (1, Some(ItemId(1))));
        assert!(sel.step(&rows, 2));
        assert_eq!(sel.id, Some(ItemId(3)));
        assert!(!sel.step(&rows, 1));
        sel.step(&rows, -5);
        assert_eq!(sel.id, Some(ItemId(1)));
        sel.jump(&rows, true);
        assert_eq!(sel.index, 4);
    }

    #[test]
    fn fix_follows_the_id_or_takes_the_next_row() {
        let mut sel = ListSel {
            id: Some(ItemId(2)),
            index: 2,
        };
        let moved = vec![None, Some(ItemId(2)), Some(ItemId(3))];
        sel.fix(&moved);
        assert_eq!(sel.index, 1);
        let gone = vec![None, Some(ItemId(3))];
        sel.fix(&gone);
        assert_eq!(sel.id, Some(ItemId(3)));
        sel.fix(&[None]);
        assert_eq!(sel, ListSel::default());
    }
}
