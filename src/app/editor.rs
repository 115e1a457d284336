//! Editing a long text in the user's own editor (`$VISUAL`, then `$EDITOR`, then `vi`), the
//! way git does for commit messages: the terminal is handed over and taken back.

use std::io::Write;
use std::process::Command;

/// The editor command to run: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Writes `text` to a temporary file, runs the editor on it and returns what it holds after.
/// The editor string may carry arguments (`code --wait`), as with git.
pub fn edit_text(text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("goalcoach-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot create a temporary file for the editor: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write the temporary file: {e}"))?;
    let editor = editor_command();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("goalcoach-editor")
        .arg(file.path())
        .status()
        .map_err(|e| format!("cannot start the editor '{editor}': {e}"))?;
    if !status.success() {
        return Err(format!(
            "the editor '{editor}' exited with {status}; the text was left as it was"
        ));
    }
    std::fs::read_to_string(file.path())
        .map_err(|e| format!("cannot read the edited text back: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_result_comes_back() {
        // A stand-in editor that appends a line, so no terminal is needed.
        let script = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(
            script.path(),
            "#!/bin/sh\nprintf 'second line\\n' >> \"$1\"\n",
        )
        .unwrap();
        let cmd = format!("sh {}", script.path().display());
        let result = with_editor(&cmd, || edit_text("first line\n"));
        assert_eq!(result.unwrap(), "first line\nsecond line\n");
        let failed = with_editor("false", || edit_text("x"));
        assert!(failed.unwrap_err().contains("exited with"));
    }

    fn with_editor<T>(cmd: &str, f: impl FnOnce() -> T) -> T {
        // Edition 2024 marks set_var unsafe: it is not thread-safe with concurrent readers.
        // Only this test reads VISUAL, so nothing else races with it.
        unsafe { std::env::set_var("VISUAL", cmd) };
        let out = f();
        unsafe { std::env::remove_var("VISUAL") };
        out
    }
}
