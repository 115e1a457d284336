//! Applying the ops on one profile entry: putting it in place and taking it out, each
//! returning its inverse.

use super::{Op, OpError};
use crate::model::Plan;
use crate::model::entries::{self, Entry};
use crate::model::profile::Section;

impl Plan {
    /// Puts `entry` at `at` in the section's list; the inverse puts back what it replaced
    /// (where it was) or takes the new entry out.
    pub(super) fn put_entry(
        &mut self,
        section: Section,
        at: usize,
        entry: Entry,
    ) -> Result<Op, OpError> {
        let id = entry.id();
        match entries::put(&mut self.profile, section, at, entry) {
            Some(Some((at, old))) => Ok(Op::PutEntry {
                section,
                at,
                entry: Box::new(old),
            }),
            Some(None) => Ok(Op::RemoveEntry { section, id }),
            None => Err(OpError::OutOfRange(format!(
                "that entry does not belong in {}",
                section.title().to_lowercase()
            ))),
        }
    }

    /// Takes entry `id` out of the section's list; the inverse puts it back where it was.
    pub(super) fn remove_entry(&mut self, section: Section, id: u64) -> Result<Op, OpError> {
        match entries::take(&mut self.profile, section, id) {
            Some((at, old)) => Ok(Op::PutEntry {
                section,
                at,
                entry: Box::new(old),
            }),
            None => Err(OpError::OutOfRange(format!(
                "that entry is no longer in {}",
                section.title().to_lowercase()
            ))),
        }
    }
}
