//! Hooks the end-to-end tests use to catch the app mid-save or in a panic. They exist only
//! in builds with the `test-hooks` feature (which `cargo test` turns on through the
//! dev-dependency on this crate); everywhere else they are empty and read nothing.

/// With `GOALCOACH_TEST_SAVE_DELAY_MS=N`, every save waits N ms first (read once), so a test
/// can send a signal while a save is under way.
#[cfg(feature = "test-hooks")]
pub fn slow_save() {
    static DELAY: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let delay = DELAY.get_or_init(|| {
        std::env::var("GOALCOACH_TEST_SAVE_DELAY_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
    });
    if let Some(ms) = delay {
        std::thread::sleep(std::time::Duration::from_millis((*ms).min(10_000)));
    }
}

/// With `GOALCOACH_TEST_PANIC=main|thread`, the app panics once it is running, so a test
/// can prove the terminal is restored.
#[cfg(feature = "test-hooks")]
pub fn panic_now() {
    match std::env::var("GOALCOACH_TEST_PANIC").as_deref() {
        Ok("main") => panic!("test panic on the main thread"),
        Ok("thread") => {
            let _ = std::thread::spawn(|| panic!("test panic on another thread")).join();
        }
        _ => {}
    }
}

#[cfg(not(feature = "test-hooks"))]
pub fn slow_save() {}

#[cfg(not(feature = "test-hooks"))]
pub fn panic_now() {}
