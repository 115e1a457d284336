//! What the file work found, as data: `effects::perform` does the I/O an `Effect` asks for and
//! hands its result back as `Action::Reply(Outcome)`, which `update` applies (the status
//! line, questions, the plan through the commit path). Nothing here does I/O or changes state.

use crate::model::Plan;
use crate::sync::copies::ConflictCopy;
use std::path::PathBuf;

/// The result of one piece of file work.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The plan was saved, or why not.
    Saved(Saving),
    /// plan.json was read again (`R`, or yes to loading the version changed outside).
    Read(Reading),
    /// Our version, kept in `copy`, was put back in place of plan.json (the plan now in it),
    /// or why not.
    BroughtBack {
        copy: PathBuf,
        plan_path: PathBuf,
        result: Result<Plan, String>,
    },
    /// A file-sync tool's conflict copy merged with the plan: the merged plan, how it was
    /// merged and what came in; or why it could not be.
    CopyMerged {
        copy: PathBuf,
        result: Result<Merged, String>,
    },
    /// The merged plan was saved and the copy moved into backups/ (`put`, once saved), with
    /// the copies still beside the plan.
    PutAway {
        saved: Saving,
        put: Option<Result<(), String>>,
        said: String,
        copies: Vec<ConflictCopy>,
    },
    /// A git sync round after a save: what sync said and the plan read back, then the
    /// calendar's round (when a folder is set); `None` when the save did not succeed.
    Synced {
        saved: Saving,
        round: Option<Result<Box<SyncRound>, String>>,
    },
    /// A calendar round after a save; `None` when the save did not succeed.
    Calendar {
        saved: Saving,
        round: Option<Result<CalendarRound, String>>,
    },
    /// The conflict copies found beside the plan (at start).
    CopiesFound(Vec<ConflictCopy>),
    /// The unsaved plan was written to this file (then the app quits), or why not.
    Rescued(Result<PathBuf, String>),
    /// Work with nothing to report but a line: `Ok` informs, `Err` is an error.
    Told(Result<String, String>),
}

/// How a save went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    /// Written; with a line to pass on when there is one.
    Written(Option<String>),
    /// Not written: plan.json changed outside since it was read; ours is kept in `copy`.
    ChangedOutside { path: PathBuf, copy: PathBuf },
    /// Not written, for this reason.
    Failed(String),
}

impl Saving {
    /// Whether the plan reached the disk.
    pub fn written(&self) -> bool {
        matches!(self, Saving::Written(_))
    }
}

/// plan.json read again.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub path: PathBuf,
    /// The lock was taken on the way (the other goalcoach had closed).
    pub gained_lock: bool,
    /// The plan on disk; `None` when plan.json is not there.
    pub plan: Result<Option<Plan>, String>,
    /// What a merge brought in, as its undo label; `None`: the plan to start over from.
    pub merged: Option<&'static str>,
}

/// A conflict copy merged in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub plan: Plan,
    /// How it was merged ("three-way, from …").
    pub how: &'static str,
    /// What came in, in a few words.
    pub summary: String,
}

/// A git sync round that ran.
#[derive(Clone, Debug, PartialEq)]
pub struct SyncRound {
    pub said: String,
    pub read: Reading,
    pub calendar: Option<Result<CalendarRound, String>>,
}

/// A calendar round that ran.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarRound {
    pub said: String,
    pub read: Reading,
}
