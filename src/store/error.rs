//! What can go wrong loading or saving, phrased for the person: the file, the place in it,
//! and what to do next.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why the plan could not be loaded. The file is never written after any of these.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    Empty {
        path: PathBuf,
    },
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    NotAPlan {
        path: PathBuf,
    },
    TooNew {
        path: PathBuf,
        found: u32,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    /// Not a regular file: a directory, a FIFO, a device.
    NotAFile {
        path: PathBuf,
    },
    /// Parses, but holds values goalcoach does not keep (a number out of range, a date in
    /// year 20000), each named by item and field.
    OutOfRange {
        path: PathBuf,
        problems: Vec<String>,
    },
}

impl LoadError {
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        LoadError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn corrupt(path: &Path, e: &serde_json::Error) -> Self {
        LoadError::Corrupt {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            detail: strip_position(&e.to_string()),
        }
    }

    /// Whether the file itself is damaged (as opposed to unreadable, or from a newer
    /// goalcoach), so that a backup is the way out.
    pub fn is_damaged_file(&self) -> bool {
        matches!(
            self,
            LoadError::Empty { .. }
                | LoadError::Corrupt { .. }
                | LoadError::NotAPlan { .. }
                | LoadError::TooLarge { .. }
                | LoadError::OutOfRange { .. }
        )
    }

    /// What is wrong with the file, in a few words and without advice (for a sync that
    /// read a plan from another computer, where restoring here is not the way out).
    pub fn what_is_wrong(&self) -> String {
        match self {
            LoadError::Io { source, .. } => format!("it cannot be read ({source})"),
            LoadError::Empty { .. } => "it is empty".to_string(),
            LoadError::Corrupt {
                line,
                column,
                detail,
                ..
            } => format!("it is not valid JSON ({detail} at line {line}, column {column})"),
            LoadError::NotAPlan { .. } => "it has no \"schema_version\"".to_string(),
            LoadError::TooNew { found, .. } => format!(
                "a newer goalcoach wrote it (data format {found}; this one reads up to {})",
                crate::model::SCHEMA_VERSION
            ),
            LoadError::TooLarge { bytes, .. } => {
                format!(
                    "it is {} MiB, more than goalcoach reads",
                    bytes / (1024 * 1024)
                )
            }
            LoadError::NotAFile { .. } => "it is not a regular file".to_string(),
            LoadError::OutOfRange { problems, .. } => {
                format!(
                    "it holds values goalcoach does not keep ({})",
                    problems.join("; ")
                )
            }
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Empty { path }
            | LoadError::Corrupt { path, .. }
            | LoadError::NotAPlan { path }
            | LoadError::TooNew { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::NotAFile { path }
            | LoadError::OutOfRange { path, .. } => path,
        }
    }
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

const LEFT_ALONE: &str = "goalcoach has not changed it.";

fn restore_hint(path: &Path) -> String {
    let backups = path.parent().map(|d| d.join("backups")).unwrap_or_default();
    format!(
        "Fix it in a text editor, or restore a backup from {} (`goalcoach restore`).",
        backups.display()
    )
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path().display();
        match self {
            LoadError::Io { source, .. } => write!(f, "cannot read {p}: {source}"),
            LoadError::Empty { path } => write!(
                f,
                "{p} is empty, so it is not a goalcoach plan. {LEFT_ALONE} {}",
                restore_hint(path)
            ),
            LoadError::Corrupt {
                path,
                line,
                column,
                detail,
            } => write!(
                f,
                "{p} is not valid: {detail} at line {line}, column {column}. {LEFT_ALONE} {}",
                restore_hint(path)
            ),
            LoadError::NotAPlan { path } => write!(
                f,
                "{p} has no \"schema_version\", so it is not a goalcoach plan. {LEFT_ALONE} {}",
                restore_hint(path)
            ),
            LoadError::TooNew { found, .. } => write!(
                f,
                "{p} was written by a newer goalcoach (data format {found}; this build reads up \
                 to {}). {LEFT_ALONE} Upgrade goalcoach to open it.",
                crate::model::SCHEMA_VERSION
            ),
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{p} is {} MiB, more than the {} MiB goalcoach will read. {LEFT_ALONE} {}",
                bytes / (1024 * 1024),
                super::MAX_FILE_BYTES / (1024 * 1024),
                restore_hint(path)
            ),
            LoadError::NotAFile { .. } => write!(
                f,
                "{p} is not a regular file (a directory, a pipe or a device?), so goalcoach \
                 will not read it. {LEFT_ALONE}"
            ),
            LoadError::OutOfRange { path, problems } => write!(
                f,
                "{p} holds values goalcoach does not keep:\n  - {}\n{LEFT_ALONE} {}",
                problems.join("\n  - "),
                restore_hint(path)
            ),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Why a save did not happen. The plan in memory is untouched and the old file intact.
#[derive(Debug)]
pub enum SaveError {
    /// Another goalcoach holds the lock.
    ReadOnly { holder: String },
    /// The file changed on disk since it was loaded; our version went to `copy`.
    Conflict { path: PathBuf, copy: PathBuf },
    /// Writing failed at `step` (create, write, fsync, rename, directory fsync).
    Io {
        path: PathBuf,
        step: &'static str,
        source: io::Error,
    },
    /// The backup taken before the first write failed, so nothing was written.
    Backup { path: PathBuf, source: io::Error },
    /// The plan holds a value goalcoach would refuse to read back; nothing was written.
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::ReadOnly { holder } => {
                write!(f, "read-only: {holder}; changes are not saved")
            }
            SaveError::Conflict { path, copy } => write!(
                f,
                "{} changed on disk since goalcoach loaded it, so it was not overwritten; \
                 your version is in {}",
                path.display(),
                copy.display()
            ),
            SaveError::Io { path, step, source } => {
                write!(
                    f,
                    "could not save {} ({step} failed: {source})",
                    path.display()
                )
            }
            SaveError::Backup { path, source } => write!(
                f,
                "could not back up {} before saving ({source}); nothing was written",
                path.display()
            ),
            SaveError::Invalid { path, problems } => write!(
                f,
                "not saved to {}: {}; nothing was written",
                path.display(),
                problems.join("; ")
            ),
        }
    }
}

impl std::error::Error for SaveError {}
