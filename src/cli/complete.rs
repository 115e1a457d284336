//! `goalcoach completions SHELL`: clap's completion script, without the flags kept for tests
//! (hidden in `--help`, but clap's scripts would still offer them), and for fish with the
//! shells `completions` takes.

use clap::Command;
use clap_complete::Shell;

/// The completion script for `shell`.
pub fn script(cmd: &mut Command, shell: Shell) -> String {
    let hidden: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_hide_set())
        .filter_map(|a| a.get_long().map(str::to_string))
        .collect();
    let mut raw = Vec::new();
    clap_complete::generate(shell, cmd, "goalcoach", &mut raw);
    let mut text = String::from_utf8_lossy(&raw).into_owned();
    for long in &hidden {
        text = without_flag(&text, long);
    }
    if shell == Shell::Fish {
        let shells = ["bash", "elvish", "fish", "powershell", "zsh"].join(" ");
        text.push_str(&format!(
            "complete -c goalcoach -n \"__fish_goalcoach_using_subcommand completions\" -f -a \"{shells}\"\n"
        ));
    }
    text
}

/// `text` with every mention of the flag `--long` taken out: whole lines that offer it, the
/// word in bash's option lists and fish's argument spec, and bash's case arm for its value.
fn without_flag(text: &str, long: &str) -> String {
    let flag = format!("--{long}");
    let mut out = String::new();
    let mut in_case_arm = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if in_case_arm {
            in_case_arm = trimmed != ";;";
            continue;
        }
        if trimmed == format!("{flag})") {
            in_case_arm = true;
            continue;
        }
        let offers = trimmed.starts_with(&format!("'{flag}"))
            || trimmed.starts_with(&format!("cand {flag} "))
            || trimmed.contains(&format!("'{flag}', '{flag}'"))
            || trimmed.contains(&format!(" -l {long} "));
        if offers {
            continue;
        }
        let line = line
            .replace(&format!(" {flag} "), " ")
            .replace(&format!(" {long}= "), " ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn hidden_flags_are_not_offered_by_any_shell() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let text = script(&mut crate::cli::Cli::command(), shell);
            assert!(
                !text.contains("--today") && !text.contains("-l today "),
                "{shell}"
            );
            assert!(text.contains("due-today"), "{shell}: other flags stay");
            assert!(text.contains("data-dir"), "{shell}");
        }
    }

    #[test]
    fn fish_offers_the_shells() {
        let text = script(&mut crate::cli::Cli::command(), Shell::Fish);
        assert!(text.contains("completions\" -f -a \"bash elvish fish powershell zsh\""));
    }
}
