//! How this device shows the plan (done items hidden, a narrowing by horizon or tag), kept in
//! `view.json` beside the plan so the choice survives a restart. It is this device's alone:
//! not part of the plan, never synced or merged. A missing or unreadable file is the default
//! view; writing it is atomic like the plan's.

use super::atomic;
use crate::model::view::Scope;
use std::path::Path;

/// The file's name in the data directory.
pub const VIEW_FILE: &str = "view.json";

/// The view kept in `dir`, or the default one.
pub fn read_view(dir: &Path) -> Scope {
    let path = dir.join(VIEW_FILE);
    let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
    if !is_file {
        return Scope::default();
    }
    std::fs::read(&path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Keeps `scope` in `dir` for the next start.
pub fn write_view(dir: &Path, scope: &Scope) -> Result<(), String> {
    let mut json = serde_json::to_vec_pretty(scope).map_err(|e| e.to_string())?;
    json.push(b'\n');
    atomic::write_parts(dir, VIEW_FILE, &[&json])
        .map_err(|e| format!("could not keep the view in {}: {}", dir.display(), e.source))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::view::Narrow;

    #[test]
    fn the_view_survives_a_restart_and_a_bad_file_is_the_default() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(read_view(tmp.path()), Scope::default());
        let scope = Scope {
            hide_done: true,
            narrow: Narrow::Tag("work".into()),
        };
        write_view(tmp.path(), &scope).unwrap();
        assert_eq!(read_view(tmp.path()), scope);
        std::fs::write(tmp.path().join(VIEW_FILE), "{nope").unwrap();
        assert_eq!(read_view(tmp.path()), Scope::default());
    }
}
