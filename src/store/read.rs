//! Reading a plan file: only a regular file is opened (never a pipe or a device, which
//! could block or never end), never more than `MAX_FILE_BYTES`, and what it holds is checked
//! before anything sees it: control characters are stripped from its text, values out of
//! range refuse the file, duplicate ids are repaired with a note for the person.

use super::error::LoadError;
use super::{MAX_FILE_BYTES, SCHEMA_VERSION};
use crate::model::{Plan, check, text};
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// A plan read from a file, with what was repaired on the way.
pub struct Decoded {
    pub plan: Plan,
    /// The schema version the file was written with.
    pub version: u32,
    /// What was changed while reading (ids renumbered, control characters removed).
    pub notices: Vec<String>,
}

/// Opens `path` for reading without blocking on a FIFO, and checks it is a regular file.
fn open_regular(path: &Path) -> Result<File, LoadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| LoadError::io(path, e))?;
    let meta = file.metadata().map_err(|e| LoadError::io(path, e))?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    Ok(file)
}

fn too_large(path: &Path, bytes: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_path_buf(),
        bytes,
    }
}

/// The bytes of a regular file of at most `MAX_FILE_BYTES`; `None` when there is no file.
pub fn read_regular(path: &Path) -> Result<Option<Vec<u8>>, LoadError> {
    let file = match open_regular(path) {
        Err(LoadError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Ok(None);
        }
        other => other?,
    };
    let mut bytes = Vec::new();
    // Read one byte past the cap, so a file that grew after the size check is caught too.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(Some(bytes))
}

/// Parses and checks a plan file's bytes (see the module's opening comment).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, LoadError> {
    let version = probe_version(path, bytes)?;
    let mut plan: Plan = serde_json::from_slice(bytes).map_err(|e| LoadError::corrupt(path, &e))?;
    if version < 2 {
        super::migrate::from_v1(&mut plan);
    }
    if version < 3 {
        super::migrate::from_v2(&mut plan);
    }
    let mut notices = Vec::new();
    if may_hold_controls(bytes) {
        let stripped = strip_controls_from(path, bytes, &mut plan)?;
        if stripped > 0 {
            notices.push(format!(
                "removed control characters (which could act on the terminal) from {stripped} \
                 texts in {}",
                path.display()
            ));
        }
    }
    let problems = check::problems(&plan);
    if !problems.is_empty() {
        return Err(LoadError::OutOfRange {
            path: path.to_path_buf(),
            problems,
        });
    }
    notices.extend(crate::model::check::repair_ids(&mut plan));
    plan.schema_version = SCHEMA_VERSION;
    plan.ids = crate::model::IdSource::random();
    Ok(Decoded {
        plan,
        version,
        notices,
    })
}

/// Whether the file might hold a control or bidi character in a string: an escape other
/// than `\n`, `\"`, `\\` or `\/`, or the UTF-8 of DEL, a C1 control or a bidi mark. A cheap
/// scan; a false alarm only costs the slower, exact pass.
fn may_hold_controls(bytes: &[u8]) -> bool {
    let mut from = 0;
    let mut suspicious_escape = false;
    while let Some(at) = memchr::memchr(b'\\', &bytes[from..]) {
        let i = from + at;
        if !matches!(bytes.get(i + 1), Some(b'n' | b'"' | b'\\' | b'/')) {
            suspicious_escape = true;
            break;
        }
        from = i + 2;
        if from >= bytes.len() {
            break;
        }
    }
    let after = |i: usize| (bytes[i], bytes.get(i + 1), bytes.get(i + 2));
    suspicious_escape
        || memchr::memchr3_iter(0x7F, 0xC2, 0xD8, bytes).any(|i| {
            matches!(
                after(i),
                (0x7F, _, _) | (0xC2, Some(0x80..=0x9F), _) | (0xD8, Some(0x9C), _)
            )
        })
        || memchr::memchr_iter(0xE2, bytes).any(|i| {
            matches!(
                after(i),
                (_, Some(0x80), Some(0x8E | 0x8F | 0xAA..=0xAE))
                    | (_, Some(0x81), Some(0xA6..=0xA9))
            )
        })
}

/// Strips controls from every string of the document (unknown fields too) and parses the
/// plan again from the cleaned document. Returns how many strings changed.
fn strip_controls_from(path: &Path, bytes: &[u8], plan: &mut Plan) -> Result<usize, LoadError> {
    let mut doc: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| LoadError::corrupt(path, &e))?;
    let stripped = strip_value(&mut doc);
    if stripped > 0 {
        *plan = serde_json::from_value(doc).map_err(|e| LoadError::corrupt(path, &e))?;
    }
    Ok(stripped)
}

fn strip_value(value: &mut serde_json::Value) -> usize {
    use serde_json::Value;
    match value {
        Value::String(s) => match text::strip_controls(s) {
            Some(clean) => {
                *s = clean;
                1
            }
            None => 0,
        },
        Value::Array(items) => items.iter_mut().map(strip_value).sum(),
        Value::Object(map) => map.values_mut().map(strip_value).sum(),
        _ => 0,
    }
}

#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: Option<u32>,
}

fn probe_version(path: &Path, bytes: &[u8]) -> Result<u32, LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let found = match leading_schema_version(bytes) {
        Some(v) => v,
        None => {
            let probe: VersionProbe =
                serde_json::from_slice(bytes).map_err(|e| LoadError::corrupt(path, &e))?;
            probe.schema_version.ok_or_else(|| LoadError::NotAPlan {
                path: path.to_path_buf(),
            })?
        }
    };
    if found > SCHEMA_VERSION {
        return Err(LoadError::TooNew {
            path: path.to_path_buf(),
            found,
        });
    }
    Ok(found)
}

/// The version when the document opens with `{ "schema_version": N` (as goalcoach writes
/// it), read without scanning the rest; `None` sends the caller to a full probe.
fn leading_schema_version(bytes: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(&bytes[..bytes.len().min(64)]).ok()?;
    let rest = text.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest
        .strip_prefix("\"schema_version\"")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start();
    if !(after.starts_with(',') || after.starts_with('}')) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_flags_escapes_and_c1_and_bidi_but_not_plain_text() {
        assert!(!may_hold_controls(
            "{\"t\": \"a \\\"quote\\\" \\\\ and\\nlines — fine… £ ©\"}".as_bytes()
        ));
        for hostile in [
            "\"\\u001b[2J\"",
            "\"tab\\there\"",
            "\"\u{9b}2J\"",
            "\"\u{202e}abc\"",
            "\"\u{2066}\"",
            "\"\u{7f}\"",
        ] {
            assert!(may_hold_controls(hostile.as_bytes()), "{hostile:?}");
        }
    }

    #[test]
    fn the_leading_version_is_read_without_a_full_parse() {
        assert_eq!(
            leading_schema_version(b"{\n  \"schema_version\": 1,\n  \"goals\": ["),
            Some(1)
        );
        assert_eq!(
            leading_schema_version(b" { \"schema_version\" : 12 }"),
            Some(12)
        );
        assert_eq!(
            leading_schema_version(b"{\"goals\": [], \"schema_version\": 1}"),
            None
        );
        assert_eq!(leading_schema_version(b"{\"schema_version\": 1x"), None);
        assert_eq!(leading_schema_version(b"{\"schema_version\": \"1\"}"), None);
    }
}
