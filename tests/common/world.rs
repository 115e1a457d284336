//! Several computers, one plan: a temp dir with its own HOME and git identity (or none), a
//! bare remote, and data dirs for each computer; goalcoach and the real `git` run in them.
#![allow(dead_code)]

use super::files::TODAY;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct World {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl World {
    pub fn new(identity: bool) -> World {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        std::fs::create_dir_all(root.join("home")).unwrap();
        let world = World { _tmp: tmp, root };
        if identity {
            std::fs::write(
                world.root.join("home/.gitconfig"),
                "[user]\n\tname = Test Person\n\temail = test@example.org\n",
            )
            .unwrap();
        }
        let remote = world.remote();
        assert!(
            world
                .git(
                    &world.root,
                    &["init", "-q", "--bare", remote.to_str().unwrap()]
                )
                .status
                .success()
        );
        world
    }

    pub fn remote(&self) -> PathBuf {
        self.root.join("remote.git")
    }

    pub fn dir(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    pub fn env(&self, cmd: &mut Command) {
        cmd.env("HOME", self.root.join("home"))
            .env("XDG_CONFIG_HOME", self.root.join("home/.config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_CONFIG_GLOBAL")
            .env_remove("GIT_AUTHOR_NAME")
            .env_remove("GIT_AUTHOR_EMAIL")
            .env_remove("GIT_COMMITTER_NAME")
            .env_remove("GIT_COMMITTER_EMAIL")
            .env_remove("EMAIL")
            .env_remove("GOALCOACH_DATA_DIR");
    }

    pub fn git(&self, dir: &Path, args: &[&str]) -> Output {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(dir).args(args);
        self.env(&mut cmd);
        cmd.output().unwrap()
    }

    /// goalcoach, ready to run in `dir` on the test day.
    pub fn goalcoach_command(&self, dir: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_goalcoach"));
        cmd.arg("--data-dir")
            .arg(dir)
            .args(["--today", TODAY])
            .args(args)
            .env("GOALCOACH_CONFIG", self.root.join("no-config.toml"))
            .stdin(std::process::Stdio::null());
        self.env(&mut cmd);
        // Each data dir is a computer of its own, named after its folder.
        let device = dir.file_name().unwrap().to_string_lossy().into_owned();
        cmd.env("GOALCOACH_DEVICE", device);
        cmd
    }

    pub fn goalcoach(&self, dir: &Path, args: &[&str]) -> Output {
        self.goalcoach_command(dir, args).output().unwrap()
    }

    /// Runs goalcoach; it must succeed. Returns what it printed.
    pub fn ok(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.goalcoach(dir, args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}
