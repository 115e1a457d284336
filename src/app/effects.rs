//! The file work an update asks for: saving after a change (and what a failed save or a
//! file changed outside means for the person), reading the plan again, putting our version
//! back after a conflict, writing a copy. Results become status messages or questions.

use super::action::{Action, Effect};
use super::overlay::Answer;
use super::state::AppState;
use crate::keymap::Layer;
use crate::store::{self, Store};
use std::path::Path;

/// Writes the plan after a change; a failure is shown and kept until a save succeeds. When
/// the file changed outside, our version is kept in a conflict copy and the person is asked
/// what to do, with both files named in full.
pub fn save(state: &mut AppState, store: &mut Store) {
    super::run::slow_saves_for_tests();
    match store.save(state.doc.plan()) {
        Ok(saved) => {
            state.session.save_error = None;
            state.session.conflict_copy = None;
            if let Some(message) = saved.message() {
                state.error(message);
            }
        }
        Err(store::SaveError::Conflict { path, copy }) => {
            state.session.save_error = None;
            state.error(format!(
                "Not saved to {}: it changed outside goalcoach; yours is in {}",
                path.display(),
                copy.display()
            ));
            // Asked once per conflict; later changes go to the same copy without asking.
            if state.session.conflict_copy.replace(copy.clone()).is_some() {
                return;
            }
            let text = format!(
                "{} was changed outside goalcoach (an editor or a sync tool?) since it was \
                     loaded, so it was not overwritten.\n\nYour version, with this change, is \
                     kept in full at\n{}\n\nLoad the version on disk now? Yours stays in that \
                     file, and you can bring it back after.",
                path.display(),
                copy.display()
            );
            state.ask(text, Answer::LoadOutsideVersion);
        }
        Err(e) => {
            let text = e.to_string();
            state.error(text.clone());
            state.session.save_error = Some(text);
        }
    }
}

/// Reads the plan from disk again (the lock is tried again first: the other goalcoach may
/// have quit). A plan that is gone from disk is never swapped for an empty one.
fn reload(state: &mut AppState, store: &mut Store) {
    read_back(state, store, None);
}

/// Reads the plan from disk again: as what a merge brought in (`merged`: its undo label, one
/// step of undo), or as the plan to start over from (the history is cleared).
fn read_back(state: &mut AppState, store: &mut Store, merged: Option<&str>) {
    let gained_lock = state.session.read_only.is_some() && store.retry_lock();
    if gained_lock {
        state.session.read_only = None;
    }
    let path = store.plan_path();
    match store.reload() {
        Ok(Some(plan)) => {
            match merged {
                Some(label) => take_in(state, plan, label),
                None => state.replace_plan(plan),
            }
            state.session.save_error = None;
            match state.session.conflict_copy.take() {
                Some(copy) => offer_to_bring_back(state, &path, copy),
                None if gained_lock => state.info(format!(
                    "Reloaded {}; the other goalcoach has closed, so changes are saved again.",
                    path.display()
                )),
                None => state.info(format!("Reloaded {}.", path.display())),
            }
        }
        Ok(None) => {
            let save = state.key(Layer::Global, &Action::SaveAgain);
            state.info(format!(
                "{} is not on disk any more; your plan is still here, and the next change (or \
                 {save}) writes it again.",
                path.display()
            ))
        }
        Err(e) => state.error(e.to_string()),
    }
}

/// Puts a plan a merge made in place as one change through the commit path, so `u` steps
/// back over it; a read-only window, which commits nothing, shows it all the same.
fn take_in(state: &mut AppState, plan: crate::model::Plan, label: &str) {
    if *state.doc.plan() == plan {
        return;
    }
    if state.session.read_only.is_some() {
        return state.replace_plan(plan);
    }
    let change =
        crate::app::change::Change::new(crate::model::Op::ReplacePlan(Box::new(plan)), label);
    let _ = state.core.commit(change);
    state.settle();
}

fn offer_to_bring_back(state: &mut AppState, path: &Path, copy: std::path::PathBuf) {
    let text = format!(
        "Loaded {} as changed outside goalcoach.\n\nYour version is still kept in full at\n{}\n\n\
         Put yours back in its place? The loaded one is then kept in backups/.",
        path.display(),
        copy.display()
    );
    state.ask(text, Answer::BringBackOurs(copy));
}

/// Puts our version (a conflict copy) back in place of plan.json, keeping the replaced one.
fn bring_back(state: &mut AppState, store: &mut Store, copy: &Path) {
    match store.restore(copy) {
        Ok(plan) => {
            state.replace_plan(plan);
            // plan.json now holds the copy's bytes, so the copy says nothing new.
            let _ = std::fs::remove_file(copy);
            state.info(format!(
                "Your version is back in {}; the one it replaced is kept in backups/.",
                store.plan_path().display()
            ));
        }
        Err(e) => state.error(format!("{e:#}")),
    }
}

/// Merges a conflict copy into the plan, saves, moves the copy into backups/, says what came
/// in, and offers the next copy if there is one.
fn merge_copy(state: &mut AppState, store: &mut Store, copy: &Path) {
    let ours = crate::sync::copies::Ours {
        plan: state.doc.plan(),
        revisions: store.revisions(),
        dir: store.dir(),
        device: &state.settings.device,
    };
    let (merged, how) = match crate::sync::copies::merge_copy(&ours, copy) {
        Ok(merged) => merged,
        Err(e) => return state.error(format!("{e:#}; the copy is left where it is")),
    };
    take_in(state, merged.plan, "merge another device's copy");
    save(state, store);
    if state.session.save_error.is_some() {
        return;
    }
    match crate::sync::copies::put_away(store.dir(), copy) {
        Ok(_) => {
            let undo = state.key(Layer::Global, &Action::Undo);
            let summary = merged.report.summary();
            state.info(format!("Merged: {summary} ({how}); {undo} undoes it."));
        }
        Err(e) => state.error(format!("Merged, but {e:#}")),
    }
    offer_next_copy(state, store.dir());
}

/// Saves, syncs with the calendar folder (the app holds the lock, so it may), and reads the
/// plan back with what the calendar brought; what happened goes on the status line.
fn calendar_sync(state: &mut AppState, store: &mut Store) {
    if state.settings.calendar.vdir.is_none() {
        return state.info(
            "No calendar folder yet: set `vdir` under [calendar] in the configuration \
             (README: On your phone)."
                .to_string(),
        );
    }
    save(state, store);
    if state.session.save_error.is_some() {
        return;
    }
    match run_calendar(state, store) {
        Some(Ok(said)) => state.info(format!("{}.", crate::model::text::capitalise(&said))),
        Some(Err(e)) => state.error(format!("The calendar was not synced: {e:#}")),
        None => {}
    }
}

/// The calendar sync when a folder is set (`None` when none is), the plan read back after.
fn run_calendar(state: &mut AppState, store: &mut Store) -> Option<anyhow::Result<String>> {
    let vdir = state.settings.calendar.vdir.clone()?;
    let mut plan = state.doc.plan().clone();
    let settings = crate::calendar::Settings {
        vdir,
        reminder: state.settings.calendar.reminder,
        review_day: state.review_day(),
    };
    let (today, device) = (state.today(), state.settings.device.clone());
    let said = crate::calendar::sync_holding(store, &mut plan, &settings, today, &device);
    if said.is_ok() {
        read_back(state, store, Some("what the calendar brought in"));
    }
    Some(said)
}

/// What a sync's message adds about conflicts: those it brought, apart from those that were
/// waiting before it (so "nothing changed elsewhere" never sits beside "2 conflicts").
fn conflicts_tail(before: usize, after: usize, choose: &str) -> String {
    use crate::model::text::plural;
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

/// Asks about the first conflict copy beside the plan, if any (at start, and after a merge).
pub fn offer_next_copy(state: &mut AppState, dir: &Path) {
    let own = state.session.conflict_copy.clone();
    let next = crate::sync::copies::find(dir)
        .into_iter()
        .find(|c| Some(&c.path) != own.as_ref());
    if let Some(copy) = next
        && state.overlay.is_none()
        && state.session.read_only.is_none()
    {
        super::conflicts::offer_copy(&mut state.core, copy.path, copy.tool);
    }
}

/// Saves, syncs through git with the lock this instance holds, and reads the merged plan
/// back; what sync said (or why it could not) goes on the status line, and conflicts it left
/// are offered as after any merge.
fn sync(state: &mut AppState, store: &mut Store) {
    save(state, store);
    if state.session.save_error.is_some() {
        return;
    }
    let device = state.settings.device.clone();
    let round = crate::sync::Round {
        today: state.today(),
        allow_deleting: false,
        device: &device,
    };
    let waiting_before = state.doc.plan().conflicts.len();
    match crate::sync::sync_holding(store, &round) {
        Ok(said) => {
            read_back(state, store, Some("what the sync brought in"));
            let now = state.doc.plan().conflicts.len();
            let calendar = match run_calendar(state, store) {
                Some(Ok(cal)) => format!(" {}.", crate::model::text::capitalise(&cal)),
                Some(Err(e)) => format!(" The calendar was not synced: {e:#}."),
                None => String::new(),
            };
            let tail = conflicts_tail(
                waiting_before,
                now,
                &state.key(Layer::Goals, &Action::ChooseConflicts),
            );
            state.info(format!("Synced: {said}.{tail}{calendar}"));
        }
        Err(e) => state.error(format!("Sync did not run: {e:#}")),
    }
}

/// Writes the brief of the last four weeks to `briefs/brief-DATE.md` beside the plan and
/// names the file.
fn write_brief(state: &mut AppState, store: &Store) {
    use crate::report::brief::{Format, brief};
    let today = state.today();
    let since = crate::model::dates::minus_days(today, 28);
    let text = brief(state.doc.plan(), since, today, Format::Markdown);
    let dir = store.dir().join("briefs");
    match store::write_text(&dir, &format!("brief-{today}.md"), &text) {
        Ok(path) => state.info(format!(
            "The brief for a 1:1 ({since} to {today}) is in {}.",
            path.display()
        )),
        Err(e) => state.error(format!("The brief was not written: {e}.")),
    }
}

/// Does the file work an effect asks for; returns what is left for the loop (the editor,
/// suspending, quitting).
pub fn perform(effect: Effect, state: &mut AppState, store: &mut Store) -> Effect {
    match effect {
        Effect::Save => save(state, store),
        Effect::SaveView => {
            if let Err(e) = store::write_view(store.dir(), &state.scope) {
                state.error(format!("The view is in use, but {e}."));
            }
        }
        Effect::Reload => reload(state, store),
        Effect::BringBack(copy) => bring_back(state, store, &copy),
        Effect::MergeCopy(copy) => merge_copy(state, store, &copy),
        Effect::WriteCopy(path) => match store::write_copy(state.doc.plan(), &path) {
            Ok(()) => state.info(format!("Wrote a copy of the plan to {}.", path.display())),
            Err(e) => state.error(e.to_string()),
        },
        Effect::WriteBrief => write_brief(state, store),
        Effect::Sync => sync(state, store),
        Effect::CalendarSync => calendar_sync(state, store),
        Effect::RescueAndQuit(path) => match store::write_rescue(state.doc.plan(), &path) {
            Ok(()) => {
                state.session.farewell = Some(format!(
                    "goalcoach: your unsaved changes are in {}",
                    path.display()
                ));
                return Effect::Quit;
            }
            Err(e) => state.error(format!("{e}; nothing was quit")),
        },
        other => return other,
    }
    Effect::None
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
