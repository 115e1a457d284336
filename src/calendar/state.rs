//! What goalcoach last wrote to the calendar folder, kept in `calendar.json` beside the plan
//! (this device's alone, like `view.json`; never synced or merged): for each UID its file,
//! the fields written (the base of the next three-way join) and the file's fingerprint (so a
//! file goalcoach wrote and nobody touched is told from one the phone changed). A missing or
//! unreadable file is an empty state: every item is then written again, nothing is lost.

use super::vtodo::Fields;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The state file's name in the data directory.
pub const STATE_FILE: &str = "calendar.json";

/// What was written, for one folder.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The folder it is about; another folder starts from nothing.
    pub vdir: PathBuf,
    pub items: BTreeMap<String, Written>,
}

/// One item as goalcoach last wrote it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Written {
    pub file: String,
    pub fields: Fields,
    /// The fingerprint of the file's bytes as written.
    pub hash: u64,
    /// The fingerprint of all goalcoach writes for it but the stamp (so a new reminder time
    /// or repetition is written out).
    pub body: u64,
}

/// The state kept in `dir` for `vdir` (empty when there is none, or it is another folder's).
pub fn read(dir: &Path, vdir: &Path) -> State {
    let state: State = std::fs::read(dir.join(STATE_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    if state.vdir == vdir {
        state
    } else {
        State {
            vdir: vdir.to_path_buf(),
            items: BTreeMap::new(),
        }
    }
}

/// Keeps `state` in `dir`, atomically.
pub fn write(dir: &Path, state: &State) -> Result<(), crate::store::SaveError> {
    let mut json = serde_json::to_string_pretty(state).unwrap_or_default();
    json.push('\n');
    crate::store::write_text(dir, STATE_FILE, &json).map(|_| ())
}

/// A fingerprint of a file's bytes that stays the same from build to build (FNV-1a).
pub fn fingerprint(bytes: &[u8]) -> u64 {
    crate::model::text::fnv1a(crate::model::text::FNV_BASIS, bytes)
}
