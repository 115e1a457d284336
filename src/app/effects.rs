//! The file work an update asks for, and nothing else: saving, reading the plan again,
//! putting our version back, merging a conflict copy, syncing through git and with the
//! calendar, writing a copy, the brief or a rescue. Each reads the state and hands back an
//! `Outcome`; what it means for the person (the status line, a question, the plan) is
//! `update`'s work, in `results`.

use super::action::Effect;
use super::core::Core;
use super::outcome::{CalendarRound, Merged, Outcome, Reading, Saving, SyncRound};
use crate::store::{self, Store};
use std::path::{Path, PathBuf};

/// Does the file work `effect` asks for and says how it went; `None` for an effect that is
/// not file work (the loop's own: the editor, suspending, quitting).
pub fn perform(effect: Effect, core: &Core, store: &mut Store) -> Option<Outcome> {
    Some(match effect {
        Effect::Save => Outcome::Saved(save(core, store)),
        Effect::SaveView => match store::write_view(store.dir(), &core.scope) {
            Ok(()) => return None,
            Err(e) => Outcome::Told(Err(format!("The view is in use, but {e}."))),
        },
        Effect::Reload => Outcome::Read(read_back(core, store, None)),
        Effect::BringBack(copy) => bring_back(store, copy),
        Effect::MergeCopy(copy) => merge_copy(core, store, copy),
        Effect::PutAway { copy, said } => put_away(core, store, &copy, said),
        Effect::LookForCopies => Outcome::CopiesFound(crate::sync::copies::find(store.dir())),
        Effect::WriteCopy(path) => Outcome::Told(match store::write_copy(core.plan(), &path) {
            Ok(()) => Ok(format!("Wrote a copy of the plan to {}.", path.display())),
            Err(e) => Err(e.to_string()),
        }),
        Effect::WriteBrief => write_brief(core, store),
        Effect::Sync => sync(core, store),
        Effect::CalendarSync => {
            let saved = save(core, store);
            let round = saved
                .written()
                .then(|| run_calendar(core, store, core.plan()))
                .flatten();
            Outcome::Calendar { saved, round }
        }
        Effect::RescueAndQuit(path) => rescue(core, path),
        Effect::None
        | Effect::EditText(_)
        | Effect::Suspend
        | Effect::Quit
        | Effect::ShowInTree(_) => return None,
    })
}

/// Writes the plan (after a change, or before a sync); when the file changed outside, ours
/// goes to a conflict copy instead.
fn save(core: &Core, store: &mut Store) -> Saving {
    super::test_hooks::slow_save();
    match store.save(core.plan()) {
        Ok(saved) => Saving::Written(saved.message()),
        Err(store::SaveError::Conflict { path, copy }) => Saving::ChangedOutside { path, copy },
        Err(e) => Saving::Failed(e.to_string()),
    }
}

/// Reads plan.json again (the lock is tried again first when this window is read-only: the
/// other goalcoach may have quit). `merged` names what a merge brought in.
fn read_back(core: &Core, store: &mut Store, merged: Option<&'static str>) -> Reading {
    let gained_lock = core.session.read_only.is_some() && store.retry_lock();
    Reading {
        path: store.plan_path(),
        gained_lock,
        plan: store.reload().map_err(|e| e.to_string()),
        merged,
    }
}

/// Puts our version (a conflict copy) back in place of plan.json, keeping the replaced one;
/// the copy, now the same as plan.json, is removed.
fn bring_back(store: &mut Store, copy: PathBuf) -> Outcome {
    let result = store.restore(&copy).map_err(|e| format!("{e:#}"));
    if result.is_ok() {
        let _ = std::fs::remove_file(&copy);
    }
    Outcome::BroughtBack {
        copy,
        plan_path: store.plan_path(),
        result,
    }
}

/// Merges a conflict copy with the plan in memory (nothing is written yet).
fn merge_copy(core: &Core, store: &Store, copy: PathBuf) -> Outcome {
    let ours = crate::sync::copies::Ours {
        plan: core.plan(),
        revisions: store.revisions(),
        dir: store.dir(),
        device: &core.settings.device,
    };
    let result = crate::sync::copies::merge_copy(&ours, &copy)
        .map(|(merged, how)| Merged {
            summary: merged.report.summary(),
            plan: merged.plan,
            how,
        })
        .map_err(|e| format!("{e:#}"));
    Outcome::CopyMerged { copy, result }
}

/// Saves the merged plan, then moves the copy into backups/ and looks for the next one.
fn put_away(core: &Core, store: &mut Store, copy: &Path, said: String) -> Outcome {
    let saved = save(core, store);
    let put = saved.written().then(|| {
        crate::sync::copies::put_away(store.dir(), copy)
            .map(|_| ())
            .map_err(|e| format!("{e:#}"))
    });
    Outcome::PutAway {
        saved,
        put,
        said,
        copies: crate::sync::copies::find(store.dir()),
    }
}

/// The calendar round over `plan` when a folder is set (`None` when none is), plan.json read
/// back after.
fn run_calendar(
    core: &Core,
    store: &mut Store,
    plan: &crate::model::Plan,
) -> Option<Result<CalendarRound, String>> {
    let vdir = core.settings.calendar.vdir.clone()?;
    let mut plan = plan.clone();
    let settings = crate::calendar::Settings {
        vdir,
        reminder: core.settings.calendar.reminder,
        review_day: core.review_day(),
    };
    let device = &core.settings.device;
    let said = crate::calendar::sync_holding(store, &mut plan, &settings, core.today(), device);
    Some(match said {
        Ok(said) => Ok(CalendarRound {
            said,
            read: read_back(core, store, Some("what the calendar brought in")),
        }),
        Err(e) => Err(format!("{e:#}")),
    })
}

/// Saves, syncs through git with the lock this instance holds, reads the merged plan back,
/// then runs the calendar round over it.
fn sync(core: &Core, store: &mut Store) -> Outcome {
    let saved = save(core, store);
    if !saved.written() {
        return Outcome::Synced { saved, round: None };
    }
    let round = crate::sync::Round {
        today: core.today(),
        allow_deleting: false,
        device: &core.settings.device,
    };
    let result = match crate::sync::sync_holding(store, &round) {
        Ok(said) => {
            let read = read_back(core, store, Some("what the sync brought in"));
            let synced = match &read.plan {
                Ok(Some(plan)) => plan.clone(),
                _ => core.plan().clone(),
            };
            let calendar = run_calendar(core, store, &synced);
            Ok(Box::new(SyncRound {
                said,
                read,
                calendar,
            }))
        }
        Err(e) => Err(format!("{e:#}")),
    };
    Outcome::Synced {
        saved,
        round: Some(result),
    }
}

/// Writes the brief of the last four weeks to `briefs/brief-DATE.md` beside the plan.
fn write_brief(core: &Core, store: &Store) -> Outcome {
    use crate::report::brief::{Format, brief};
    let today = core.today();
    let since = crate::model::dates::minus_days(today, 28);
    let text = brief(core.plan(), since, today, Format::Markdown);
    let dir = store.dir().join("briefs");
    Outcome::Told(
        match store::write_text(&dir, &format!("brief-{today}.md"), &text) {
            Ok(path) => Ok(format!(
                "The brief for a 1:1 ({since} to {today}) is in {}.",
                path.display()
            )),
            Err(e) => Err(format!("The brief was not written: {e}.")),
        },
    )
}

/// Writes the unsaved plan to `path`, or beside it under a free name when a file is there
/// already (an earlier rescue that day is never overwritten).
fn rescue(core: &Core, path: PathBuf) -> Outcome {
    let path = free_name(path);
    Outcome::Rescued(match store::write_rescue(core.plan(), &path) {
        Ok(()) => Ok(path),
        Err(e) => Err(format!("{e}; nothing was quit")),
    })
}

/// `path`, or `NAME-2.json`, `NAME-3.json`… when it is taken.
fn free_name(path: PathBuf) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let Some(stem) = stem.filter(|_| path.exists()) else {
        return path;
    };
    (2..1000)
        .map(|n| path.with_file_name(format!("{stem}-{n}.json")))
        .find(|p| !p.exists())
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::free_name;

    #[test]
    fn a_rescue_never_overwrites_an_earlier_one() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("goalcoach-unsaved-2026-12-02.json");
        assert_eq!(free_name(path.clone()), path);
        std::fs::write(&path, "earlier").unwrap();
        let second = tmp.path().join("goalcoach-unsaved-2026-12-02-2.json");
        assert_eq!(free_name(path.clone()), second);
        std::fs::write(&second, "earlier too").unwrap();
        assert_eq!(
            free_name(path),
            tmp.path().join("goalcoach-unsaved-2026-12-02-3.json")
        );
    }
}
