//! The undo and redo history: two stacks of inverse operations, each with its label, capped
//! at `HISTORY_LIMIT`; a new edit clears what could be redone.

use super::{Op, OpError};
use crate::model::Plan;

/// One undoable edit: what it was called and the operation that reverses it.
#[derive(Clone, Debug)]
struct Entry {
    label: String,
    op: Op,
}

/// Undo and redo stacks. Each entry holds only the inverse operation, never a plan copy.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
}

/// How many edits can be undone; older ones are forgotten.
const HISTORY_LIMIT: usize = 1000;

impl History {
    /// Applies `op` to `plan` and remembers how to undo it; a new edit clears the redo stack.
    pub fn apply(&mut self, plan: &mut Plan, op: Op, label: &str) -> Result<(), OpError> {
        let inverse = plan.apply(op)?;
        push_capped(
            &mut self.undo,
            Entry {
                label: label.to_string(),
                op: inverse,
            },
        );
        self.redo.clear();
        Ok(())
    }

    /// Undoes the newest edit; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> Option<String> {
        Self::swap(&mut self.undo, &mut self.redo, plan)
    }

    /// Redoes the newest undone edit; returns its label.
    pub fn redo(&mut self, plan: &mut Plan) -> Option<String> {
        Self::swap(&mut self.redo, &mut self.undo, plan)
    }

    fn swap(from: &mut Vec<Entry>, to: &mut Vec<Entry>, plan: &mut Plan) -> Option<String> {
        let entry = from.pop()?;
        match plan.apply(entry.op) {
            Ok(inverse) => {
                let label = entry.label.clone();
                push_capped(
                    to,
                    Entry {
                        label: entry.label,
                        op: inverse,
                    },
                );
                Some(label)
            }
            // Cannot happen while every edit goes through the history; drop the stale entry.
            Err(_) => None,
        }
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

fn push_capped(stack: &mut Vec<Entry>, entry: Entry) {
    if stack.len() >= HISTORY_LIMIT {
        stack.remove(0);
    }
    stack.push(entry);
}
