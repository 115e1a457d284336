//! A save on a real full disk fails cleanly. Its own test binary: it runs `mount`, and a
//! fork from a test thread would briefly hold other tests' plan locks.

use goalcoach::store::{PLAN_FILE, SaveError};
use std::fs;

#[path = "common/files.rs"]
mod files;

use files::{open, plan_with_goal, temp_files, today};

/// A real full disk: a 256 KiB tmpfs (needs root to mount; skipped with a message otherwise).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_the_save_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let mount = tmp.path().join("small");
    fs::create_dir(&mount).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&mount)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    }
    let result = std::panic::catch_unwind(|| {
        let (mut store, _) = open(&mount);
        store.save(&plan_with_goal("fits")).unwrap();
        let before = fs::read(mount.join(PLAN_FILE)).unwrap();
        let big = goalcoach::sample::generate(&goalcoach::sample::GenOptions {
            items: 3000,
            seed: 1,
            today: today(),
        });
        let err = store.save(&big).unwrap_err();
        assert!(matches!(err, SaveError::Io { .. }), "{err}");
        assert!(err.to_string().contains("No space left"), "{err}");
        assert_eq!(
            fs::read(mount.join(PLAN_FILE)).unwrap(),
            before,
            "old file intact"
        );
        assert_eq!(temp_files(&mount), 0, "no temp file left on the full disk");
    });
    let _ = std::process::Command::new("umount").arg(&mount).status();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
