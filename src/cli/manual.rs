//! `goalcoach man`: the manual page, in roff. The top part (name, synopsis, description,
//! options) comes from clap; every subcommand is then documented in place with its own
//! options (no page is pointed to that is not installed), followed by EXIT STATUS,
//! ENVIRONMENT and FILES.

use clap::Command;
use std::fmt::Write;

/// The whole page.
pub fn page(cmd: &Command) -> std::io::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    out.extend_from_slice(commands_section(cmd).as_bytes());
    out.extend_from_slice(TAIL.as_bytes());
    Ok(out)
}

/// Text safe in roff: backslashes and hyphens escaped, no line starting with a dot.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    match escaped.strip_prefix('.') {
        Some(rest) => format!("\\&.{rest}"),
        None => escaped,
    }
}

fn commands_section(cmd: &Command) -> String {
    let mut out = String::from(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        if name == "help" {
            continue;
        }
        let _ = writeln!(out, ".SS \"goalcoach {}\"", roff(name));
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            let _ = writeln!(out, "{}", roff(&about.to_string()));
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            if arg.get_id() == "help" {
                continue;
            }
            let _ = writeln!(out, ".TP\n{}", arg_heading(arg));
            if let Some(help) = arg.get_long_help().or(arg.get_help()) {
                let _ = writeln!(out, "{}", roff(&help.to_string()));
            }
            let takes_values = arg.get_action().takes_values();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if takes_values && !values.is_empty() {
                let _ = writeln!(out, ".br\nOne of: {}.", roff(&values.join(", ")));
            }
        }
    }
    out
}

fn arg_heading(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    match (arg.get_long(), arg.is_positional()) {
        (_, true) => format!("\\fI{}\\fR", roff(&value)),
        (Some(long), false) if arg.get_action().takes_values() => {
            format!("\\fB\\-\\-{}\\fR \\fI{}\\fR", roff(long), roff(&value))
        }
        (Some(long), false) => format!("\\fB\\-\\-{}\\fR", roff(long)),
        (None, false) => format!("\\fI{}\\fR", roff(&value)),
    }
}

const TAIL: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
The command did what it was asked.
.TP
\fB1\fR
It could not: the reason is on standard error, and nothing was changed. This includes a
plan file that cannot be read, a data directory named with \fB\-\-data\-dir\fR that does not
exist, starting the app without a terminal, \fB\-\-demo\fR given with a command, and
\fBgoalcoach config\fR finding problems in the file (they are printed).
.TP
\fB2\fR
The command line itself was wrong (an unknown option, a value out of range).
.TP
\fB3\fR
\fBagenda \-\-overdue\fR or \fBagenda \-\-due\-today\fR found nothing due.
.SH ENVIRONMENT
.TP
\fBGOALCOACH_DATA_DIR\fR
The data directory, unless \fB\-\-data\-dir\fR names one.
.TP
\fBGOALCOACH_CONFIG\fR
The configuration file, unless \fB\-\-config\fR names one.
.TP
\fBNO_COLOR\fR
Set and not empty: the app draws without colour (bold and reverse stay).
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor that Ctrl\-e in a form opens a long text in.
.TP
\fBTERM\fR
\fBdumb\fR: the app does not start (the commands work).
.SH FILES
.TP
\fI~/.local/share/goalcoach/plan.json\fR
The plan (on Linux; \fBgoalcoach path\fR prints where it is on this system).
.TP
\fIplan.lock\fR, \fIview.json\fR, \fIbackups/\fR
Beside the plan: the lock of the running app, how this computer shows the plan, and the
daily backups (the newest 14 are kept).
.TP
\fI~/.config/goalcoach/config.toml\fR
Settings and keys (on Linux; \fBgoalcoach config\fR says where and whether it reads well).
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_text_is_escaped() {
        assert_eq!(roff(".start - \\x"), "\\&.start \\- \\ex");
    }
}
