//! Running the real `goalcoach` binary in a pseudo-terminal: type keys, read the screen
//! through a vt100 emulator, wait for it to exit.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// A running goalcoach in a pty.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, escapes included.
    raw: Arc<Mutex<Vec<u8>>>,
    /// How many reads have reached the screen, and a signal on each: waits sleep on it
    /// instead of polling.
    arrived: Arc<(Mutex<u64>, Condvar)>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts goalcoach on `data_dir` with extra `args`, in a `cols` × `rows` terminal.
    pub fn start(data_dir: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with_env(data_dir, args, &[], cols, rows)
    }

    /// Like `start`, with extra environment variables.
    pub fn start_with_env(
        data_dir: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_goalcoach"));
        cmd.arg("--data-dir");
        cmd.arg(data_dir);
        if !args.contains(&"--today") {
            cmd.args(["--today", "2026-11-21"]);
        }
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("GOALCOACH_DATA_DIR");
        cmd.env("GOALCOACH_CONFIG", data_dir.join("no-config.toml"));
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn goalcoach");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let arrived = Arc::new((Mutex::new(0u64), Condvar::new()));
        let (sink, raw_sink) = (Arc::clone(&screen), Arc::clone(&raw));
        let signal = Arc::clone(&arrived);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                let (count, changed) = &*signal;
                *count.lock().unwrap() += 1;
                changed.notify_all();
            }
        });
        Session {
            child,
            writer,
            screen,
            raw,
            arrived,
            _master: pty.master,
        }
    }

    /// The screen's text now.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after 10 seconds.
    pub fn wait_for(&self, text: &str) {
        if self.wait_until(Duration::from_secs(10), |s| s.contains(text)) {
            return;
        }
        panic!(
            "timed out waiting for {text:?}; screen:\n{}",
            self.contents()
        );
    }

    /// Waits until `done` holds for the screen text, checking it each time output arrives
    /// (no polling); returns false after `timeout`.
    pub fn wait_until(&self, timeout: Duration, done: impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        let (count, changed) = &*self.arrived;
        loop {
            let seen = *count.lock().unwrap();
            if done(&self.contents()) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            let reads = count.lock().unwrap();
            let _unchanged = changed
                .wait_timeout_while(reads, deadline - now, |reads| *reads == seen)
                .unwrap();
        }
    }

    /// Everything the program wrote so far, as bytes.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// The process id of goalcoach.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends raw bytes as typed keys.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// On a fresh data directory the guided start opens by itself: waits for it and leaves
    /// it with Esc (nothing typed, so nothing asked), for tests about other things.
    pub fn leave_guided_start(&mut self) {
        self.wait_for("Getting started · 1 of 11");
        self.send("\x1b");
        let gone = self.wait_until(Duration::from_secs(10), |s| !s.contains("Getting started"));
        assert!(gone, "the guided start stayed open:\n{}", self.contents());
    }

    /// Types `keys`, then waits until the screen shows `expect`.
    pub fn type_and_wait(&mut self, keys: &str, expect: &str) {
        self.send(keys);
        self.wait_for(expect);
    }

    /// Waits for the process to end (10 seconds at most) and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("goalcoach did not exit; screen:\n{}", self.contents());
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
