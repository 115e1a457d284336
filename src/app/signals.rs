//! Signals while the app runs. A signal that ends the process (TERM, HUP, INT, QUIT, USR1,
//! USR2, ALRM, …) never cuts a save short: the loop finishes the key it is handling and its
//! save, restores the terminal, then exits. A stop (SIGTSTP, or Ctrl-z typed as a key)
//! gives the terminal back before stopping and takes it again on SIGCONT. The signal thread
//! only records what arrived; the loop acts on it between keys.

use std::sync::atomic::{AtomicI32, AtomicU8, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// Held while a key is handled and its change saved; a signal that must end the process
/// waits for it, so a save is never cut short.
static BUSY: Mutex<()> = Mutex::new(());
/// The last ending signal received (0: none).
static ENDING: AtomicI32 = AtomicI32::new(0);
/// Set when a stop was asked for from outside, or the process was continued.
static STOP: AtomicU8 = AtomicU8::new(0);
const STOP_ASKED: u8 = 1;
const CONTINUED: u8 = 2;

/// How long the loop has to notice an ending signal before the signal thread ends the
/// process itself (after any save under way): the loop may be waiting on `$EDITOR`.
const GRACE: Duration = Duration::from_secs(3);

/// What the loop should do about the signals that came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// End with this signal's exit status (128 + signal).
    End(i32),
    /// Give the terminal back and stop (SIGTSTP).
    Stop,
    /// The process was continued after a stop: redraw everything.
    Redraw,
}

/// Marks a key being handled and saved; an ending signal waits until it is dropped.
pub fn busy() -> MutexGuard<'static, ()> {
    BUSY.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The request waiting for the loop, if any (taken once).
pub fn take_request() -> Option<Request> {
    match ENDING.load(Ordering::SeqCst) {
        0 => {}
        signal => return Some(Request::End(signal)),
    }
    match STOP.swap(0, Ordering::SeqCst) {
        0 => None,
        // Continued before the loop got to the stop: the stop is over, stopping now would
        // wait for a SIGCONT that has already come.
        s if s & STOP_ASKED != 0 && s & CONTINUED == 0 => Some(Request::Stop),
        _ => Some(Request::Redraw),
    }
}

/// Starts the thread that records signals. `restore` puts the terminal back; it is called
/// only if the loop does not end the process itself within `GRACE`.
#[cfg(unix)]
pub fn install(restore: fn()) {
    use signal_hook::consts::signal::*;
    let ending = [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ];
    let all: Vec<i32> = ending.iter().copied().chain([SIGTSTP, SIGCONT]).collect();
    let Ok(mut signals) = signal_hook::iterator::Signals::new(&all) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGTSTP => {
                    STOP.fetch_or(STOP_ASKED, Ordering::SeqCst);
                }
                SIGCONT => {
                    STOP.fetch_or(CONTINUED, Ordering::SeqCst);
                }
                _ => end_after_grace(signal, restore),
            }
        }
    });
}

#[cfg(not(unix))]
pub fn install(_restore: fn()) {}

/// Records an ending signal for the loop; if the loop has not ended the process within
/// `GRACE`, waits for any save under way, restores the terminal and exits.
#[cfg(unix)]
fn end_after_grace(signal: i32, restore: fn()) {
    if ENDING
        .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        return;
    }
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        let _quiet = busy();
        restore();
        std::process::exit(128 + signal);
    });
}

/// Stops the process (the caller has given the terminal back); returns once it is
/// continued. SIGSTOP rather than SIGTSTP: the kernel ignores a SIGTSTP in a process group
/// without a shell's job control, and then nothing would stop at all.
#[cfg(unix)]
pub fn stop_now() {
    // SAFETY: raising a signal at ourselves has no memory-safety preconditions.
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
    STOP.store(0, Ordering::SeqCst);
}

#[cfg(not(unix))]
pub fn stop_now() {}

/// Whether a stopped goalcoach can be brought back: a shell with job control started it in
/// a process group of its own. A process in its session leader's group (`ssh -t host
/// goalcoach`, `exec goalcoach`) has no shell to `fg` it.
#[cfg(unix)]
pub fn has_job_control() -> bool {
    // SAFETY: getsid and getpgrp only read the calling process's ids.
    unsafe { libc::getsid(0) != libc::getpgrp() }
}

#[cfg(not(unix))]
pub fn has_job_control() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_continue_that_arrives_before_the_loop_takes_the_stop_cancels_it() {
        STOP.store(STOP_ASKED | CONTINUED, Ordering::SeqCst);
        assert_eq!(take_request(), Some(Request::Redraw));
        STOP.store(STOP_ASKED, Ordering::SeqCst);
        assert_eq!(take_request(), Some(Request::Stop));
        assert_eq!(take_request(), None);
    }
}
