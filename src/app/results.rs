//! What the file work's results mean for the person: `update` hands each `Outcome` here. A
//! failed save is shown and kept until one succeeds; a file changed outside is asked about
//! once; a plan read back starts the history over, while what a merge brought in goes
//! through the one commit path (one step of undo); each sync says what it did.

use super::action::{Action, Effect};
use super::change::Change;
use super::core::Core;
use super::outcome::{CalendarRound, Merged, Outcome, Reading, Saving, SyncRound};
use super::overlay::Answer;
use crate::app::action::Screen;
use crate::keymap::Layer;
use crate::model::text::{capitalise, plural};
use crate::sync::copies::ConflictCopy;
use std::path::{Path, PathBuf};

/// Applies what a piece of file work found; returns the work it leads to, if any.
pub fn apply(core: &mut Core, outcome: Outcome) -> Effect {
    match outcome {
        Outcome::Saved(saving) => {
            saved(core, saving);
        }
        Outcome::Read(reading) => read(core, reading),
        Outcome::BroughtBack {
            plan_path, result, ..
        } => brought_back(core, &plan_path, result),
        Outcome::CopyMerged { copy, result } => return copy_merged(core, copy, result),
        Outcome::PutAway {
            saved: saving,
            put,
            said,
            copies,
        } => {
            if saved(core, saving) {
                put_away(core, put, &said);
            }
            offer_next_copy(core, copies);
        }
        Outcome::Synced {
            saved: saving,
            round,
        } => {
            if saved(core, saving) {
                round.into_iter().for_each(|r| synced(core, r));
            }
        }
        Outcome::Calendar {
            saved: saving,
            round,
        } => {
            if saved(core, saving) {
                match round.map(|r| calendar(core, r)) {
                    Some(Ok(said)) => core.info(format!("{}.", capitalise(&said))),
                    Some(Err(e)) => core.error(format!("The calendar was not synced: {e}")),
                    None => {}
                }
            }
        }
        Outcome::CopiesFound(copies) => offer_next_copy(core, copies),
        Outcome::Rescued(Ok(path)) => {
            // The changes are in that file now: quitting loses nothing.
            core.session.save_error = None;
            core.session.farewell = Some(format!(
                "goalcoach: your unsaved changes are in {}",
                path.display()
            ));
            return Effect::Quit;
        }
        Outcome::Rescued(Err(e)) | Outcome::Told(Err(e)) => core.error(e),
        Outcome::Told(Ok(text)) => core.info(text),
    }
    Effect::None
}

/// Takes in how a save went; `true` when the plan is on disk. A failure is shown and kept
/// until a save succeeds. When the file changed outside, the person is asked once what to
/// do, with both files named in full.
fn saved(core: &mut Core, saving: Saving) -> bool {
    match saving {
        Saving::Written(message) => {
            let was_failing = core.session.save_error.take().is_some();
            core.session.conflict_copy = None;
            if let Some(message) = message {
                core.error(message);
            } else if was_failing {
                core.info("Saved: your changes are on disk again.");
            }
            return true;
        }
        Saving::ChangedOutside { path, copy } => changed_outside(core, &path, copy),
        Saving::Failed(text) => {
            core.error(text.clone());
            core.session.save_error = Some(text);
        }
    }
    false
}

fn changed_outside(core: &mut Core, path: &Path, copy: PathBuf) {
    core.session.save_error = None;
    core.error(format!(
        "Not saved to {}: it changed outside goalcoach; yours is in {}",
        path.display(),
        copy.display()
    ));
    // Asked once per conflict; later changes go to the same copy without asking.
    if core.session.conflict_copy.replace(copy.clone()).is_some() {
        return;
    }
    let text = format!(
        "{} was changed outside goalcoach (an editor or a sync tool?) since it was loaded, so \
         it was not overwritten.\n\nYour version, with this change, is kept in full at\n{}\n\n\
         Load the version on disk now? Yours stays in that file, and you can bring it back \
         after.",
        path.display(),
        copy.display()
    );
    core.ask(text, Answer::LoadOutsideVersion);
}

/// Puts the plan read from disk in place: as one undoable change when a merge brought it,
/// else as the plan to start over from. A plan gone from disk is never swapped for an empty
/// one.
fn read(core: &mut Core, reading: Reading) {
    let Reading {
        path,
        gained_lock,
        plan,
        merged,
    } = reading;
    if gained_lock {
        core.session.read_only = None;
    }
    match plan {
        Ok(Some(plan)) => {
            match merged {
                Some(label) => take_in(core, plan, label),
                None => core.doc.replace(plan),
            }
            core.session.save_error = None;
            match core.session.conflict_copy.take() {
                Some(copy) => offer_to_bring_back(core, &path, copy),
                None if gained_lock => core.info(format!(
                    "Reloaded {}; the other goalcoach has closed, so changes are saved again.",
                    path.display()
                )),
                None => core.info(format!("Reloaded {}.", path.display())),
            }
        }
        Ok(None) => {
            let save = core.key(Layer::Global, &Action::SaveAgain);
            core.info(format!(
                "{} is not on disk any more; your plan is still here, and the next change (or \
                 {save}) writes it again.",
                path.display()
            ))
        }
        Err(e) => core.error(e),
    }
}

/// Puts a plan a merge made in place as one change through the commit path, so `u` steps
/// back over it; a read-only window, which commits nothing, shows it all the same.
fn take_in(core: &mut Core, plan: crate::model::Plan, label: &str) {
    if *core.plan() == plan {
        return;
    }
    if core.session.read_only.is_some() {
        return core.doc.replace(plan);
    }
    // No save is asked for: the merged plan is on disk already (sync and the calendar wrote
    // it), or is saved next (a merged copy, by `Effect::PutAway`).
    let _on_disk = core.commit(Change::new(
        crate::model::Op::ReplacePlan(Box::new(plan)),
        label,
    ));
}

fn offer_to_bring_back(core: &mut Core, path: &Path, copy: PathBuf) {
    let text = format!(
        "Loaded {} as changed outside goalcoach.\n\nYour version is still kept in full at\n{}\n\n\
         Put yours back in its place? The loaded one is then kept in backups/.",
        path.display(),
        copy.display()
    );
    core.ask(text, Answer::BringBackOurs(copy));
}

fn brought_back(core: &mut Core, plan_path: &Path, result: Result<crate::model::Plan, String>) {
    match result {
        Ok(plan) => {
            core.doc.replace(plan);
            core.info(format!(
                "Your version is back in {}; the one it replaced is kept in backups/.",
                plan_path.display()
            ));
        }
        Err(e) => core.error(e),
    }
}

/// A copy merged in memory goes in as one change, then is saved and put away.
fn copy_merged(core: &mut Core, copy: PathBuf, result: Result<Merged, String>) -> Effect {
    match result {
        Ok(merged) => {
            take_in(core, merged.plan, "merge another device's copy");
            let said = format!("Merged: {} ({})", merged.summary, merged.how);
            Effect::PutAway { copy, said }
        }
        Err(e) => {
            core.error(format!("{e}; the copy is left where it is"));
            Effect::None
        }
    }
}

fn put_away(core: &mut Core, put: Option<Result<(), String>>, said: &str) {
    match put {
        Some(Ok(())) => {
            let undo = core.key(Layer::Global, &Action::Undo);
            core.info(format!("{said}; {undo} undoes it."));
        }
        Some(Err(e)) => core.error(format!("Merged, but {e}")),
        None => {}
    }
}

/// Asks about the first conflict copy beside the plan, if any, apart from our own.
fn offer_next_copy(core: &mut Core, copies: Vec<ConflictCopy>) {
    let own = core.session.conflict_copy.clone();
    let next = copies.into_iter().find(|c| Some(&c.path) != own.as_ref());
    if let Some(copy) = next
        && core.overlay.is_none()
        && core.session.read_only.is_none()
    {
        super::conflicts::offer_copy(core, copy.path, copy.tool);
    }
}

/// Takes in a calendar round: the plan it read back; returns what it said.
fn calendar(core: &mut Core, round: Result<CalendarRound, String>) -> Result<String, String> {
    let round = round?;
    read(core, round.read);
    Ok(round.said)
}

/// Takes in a git sync round and the calendar's after it, and says what both did.
fn synced(core: &mut Core, round: Result<Box<SyncRound>, String>) {
    let round = match round {
        Ok(round) => round,
        Err(e) => return core.error(format!("Sync did not run: {e}")),
    };
    let waiting_before = core.plan().conflicts.len();
    read(core, round.read);
    let now = core.plan().conflicts.len();
    let calendar = match round.calendar.map(|r| calendar(core, r)) {
        Some(Ok(said)) => format!(" {}.", capitalise(&said)),
        Some(Err(e)) => format!(" The calendar was not synced: {e}."),
        None => String::new(),
    };
    let choose = core.key(Layer::Screen(Screen::Goals), &Action::ChooseConflicts);
    let tail = conflicts_tail(waiting_before, now, &choose);
    core.info(format!("Synced: {}.{tail}{calendar}", round.said));
}

/// What a sync's message adds about conflicts: those it brought, apart from those that were
/// waiting before it (so "nothing changed elsewhere" never sits beside "2 conflicts").
fn conflicts_tail(before: usize, after: usize, choose: &str) -> String {
    let new = after.saturating_sub(before);
    let old = after - new;
    match (new, old) {
        (0, 0) => String::new(),
        (0, old) => format!(
            " Still waiting from an earlier merge: {}; {choose} on the Goals screen.",
            plural(old, "conflict")
        ),
        (new, 0) => format!(
            " New: {} to choose; {choose} on the Goals screen.",
            plural(new, "conflict")
        ),
        (new, old) => format!(
            " New: {} to choose (and {} from an earlier merge); {choose} on the Goals screen.",
            plural(new, "conflict"),
            old
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::conflicts_tail;

    #[test]
    fn a_sync_says_which_conflicts_it_brought_and_which_were_waiting() {
        assert_eq!(conflicts_tail(0, 0, "C"), "");
        let old = conflicts_tail(2, 2, "C");
        assert!(
            old.contains("Still waiting from an earlier merge: 2 conflicts"),
            "{old}"
        );
        assert!(!old.contains("New"), "{old}");
        assert!(conflicts_tail(0, 1, "C").contains("New: 1 conflict to choose"));
        let both = conflicts_tail(1, 3, "C");
        assert!(
            both.contains("New: 2 conflicts") && both.contains("and 1 from an earlier"),
            "{both}"
        );
    }
}
