//! Running the `git` found on PATH inside the data directory: every call names the
//! directory, never asks on the terminal for anything but what git itself must (an ssh
//! passphrase), and supplies an identity when the person has none configured.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository in the data directory.
#[derive(Clone)]
pub struct Git {
    dir: PathBuf,
    /// Set when git has no user identity: commits are then signed as goalcoach on this host.
    fallback_identity: Option<String>,
    /// Variables every git run gets (this device's name, for the merge driver).
    env: Vec<(&'static str, String)>,
}

impl Git {
    /// Git for `dir`, or a message when there is no git on PATH.
    pub fn at(dir: &Path) -> Result<Git> {
        let probe = Command::new("git").arg("--version").output();
        if !probe.is_ok_and(|o| o.status.success()) {
            bail!(
                "goalcoach sync runs git, and there is no git on PATH; install git \
                 (https://git-scm.com) and try again"
            );
        }
        let mut git = Git {
            dir: dir.to_path_buf(),
            fallback_identity: None,
            env: Vec::new(),
        };
        let has_identity = git
            .output(&["config", "user.email"])
            .is_ok_and(|o| o.status.success());
        if !has_identity {
            git.fallback_identity = Some(format!("goalcoach@{}", super::device::host_name()));
        }
        Ok(git)
    }

    /// git for a bare repository at `dir` (no identity needed: it is only asked and pointed).
    pub fn bare(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
            fallback_identity: None,
            env: Vec::new(),
        }
    }

    /// This git, with `key=value` in the environment of every run (and so of the merge
    /// driver git starts).
    pub fn with_env(mut self, key: &'static str, value: &str) -> Git {
        self.env.retain(|(k, _)| *k != key);
        self.env.push((key, value.to_string()));
        self
    }

    /// Whether the directory is a repository of its own (not a folder inside another one).
    pub fn is_repository(&self) -> bool {
        self.dir.join(".git").exists()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(&self.dir).args(args);
        cmd.env("GIT_MERGE_AUTOEDIT", "no");
        cmd.envs(self.env.iter().map(|(k, v)| (*k, v.as_str())));
        if let Some(email) = &self.fallback_identity {
            for (key, value) in [
                ("GIT_AUTHOR_NAME", "goalcoach"),
                ("GIT_COMMITTER_NAME", "goalcoach"),
                ("GIT_AUTHOR_EMAIL", email.as_str()),
                ("GIT_COMMITTER_EMAIL", email.as_str()),
            ] {
                cmd.env(key, value);
            }
        }
        cmd
    }

    /// Runs git and returns what happened, whatever its exit status.
    pub fn output(&self, args: &[&str]) -> Result<Output> {
        self.command(args)
            .stdin(std::process::Stdio::null())
            .output()
            .with_context(|| format!("cannot run git {}", args.join(" ")))
    }

    /// Runs git; an error carrying git's own words when it fails. Returns its standard output.
    pub fn run(&self, args: &[&str]) -> Result<String> {
        let out = self.output(args)?;
        if !out.status.success() {
            bail!("git {} failed: {}", args.join(" "), what_git_said(&out));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Runs git where it may need to talk to a remote: the terminal stays attached so ssh
    /// can ask for a passphrase.
    pub fn run_remote(&self, args: &[&str]) -> Result<()> {
        let out = self
            .command(args)
            .stdout(std::process::Stdio::null())
            .output()
            .with_context(|| format!("cannot run git {}", args.join(" ")))?;
        if !out.status.success() {
            bail!("git {} failed: {}", args.join(" "), what_git_said(&out));
        }
        Ok(())
    }

    /// Whether git succeeds at `args` (for questions like "does this branch exist").
    pub fn succeeds(&self, args: &[&str]) -> bool {
        self.output(args).is_ok_and(|o| o.status.success())
    }

    /// The current branch, `main` when the repository has no commit yet.
    pub fn branch(&self) -> String {
        self.run(&["symbolic-ref", "--short", "HEAD"])
            .unwrap_or_else(|_| "main".to_string())
    }

    /// The remote's name when there is one (`origin` first).
    pub fn remote(&self) -> Option<String> {
        let remotes = self.run(&["remote"]).ok()?;
        let names: Vec<&str> = remotes.lines().collect();
        names
            .iter()
            .find(|n| **n == "origin")
            .or(names.first())
            .map(|n| n.to_string())
    }
}

/// git's reason for a failure: standard error, and what it printed on standard output (a
/// merge's "CONFLICT (modify/delete)" lines go there).
fn what_git_said(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let said = String::from_utf8_lossy(&out.stdout);
    let reasons: Vec<&str> = said
        .lines()
        .chain(err.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if reasons.is_empty() {
        format!("exit status {}", out.status)
    } else {
        reasons.join("; ")
    }
}

/// Whether `name` found on PATH is the file `exe` (so git can run it by name).
pub fn on_path_as(name: &str, exe: &Path) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    let Ok(exe) = std::fs::canonicalize(exe) else {
        return false;
    };
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
        .and_then(|found| std::fs::canonicalize(found).ok())
        .is_some_and(|found| found == exe)
}
