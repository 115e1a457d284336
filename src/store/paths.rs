//! Where the data lives: `--data-dir`, else `$GOALCOACH_DATA_DIR`, else the platform's data
//! directory (`~/.local/share/goalcoach` on Linux). Directories are created private.

use anyhow::{Context, Result};
use std::io;
use std::path::{Path, PathBuf};

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "GOALCOACH_DATA_DIR";

/// The data directory: the explicit one if given, else the environment's, else the default.
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "goalcoach")
        .map(|p| p.data_dir().to_path_buf())
        .context("cannot find a home directory for the data; pass --data-dir DIR")
}

/// Creates `dir` and its parents; a directory goalcoach creates is readable only by its owner.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
