//! Two-way calendar sync through a vdir — a folder of `.ics` files, one item each, the
//! format khal, todoman and vdirsyncer share, which vdirsyncer carries to any CalDAV server
//! and from there to a phone's reminders. `sync_holding` writes every dated step, milestone
//! target, goal deadline and the weekly review as a to-do (`items`, `vtodo`), after reading
//! back what changed there since goalcoach last wrote (`join`, against `state`): done, due
//! day, title, a to-do made on the phone (into the Inbox goal). Nothing is deleted here for
//! a file deleted there (it is written again, and the person told); items deleted here are
//! deleted there. Files goalcoach did not write and cannot read are left alone.

pub mod config;
pub mod items;
mod join;
mod state;
pub mod vtodo;

pub use join::INBOX_TITLE;
pub use state::STATE_FILE;

use crate::model::{Op, Plan};
use crate::store::Store;
use anyhow::{Context, Result, bail};
use chrono::{NaiveDate, Weekday};
use items::Wanted;
use state::{State, Written, fingerprint};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use vtodo::{Fields, Parsed, Reminder};

/// What a calendar sync goes by.
#[derive(Clone, Debug)]
pub struct Settings {
    pub vdir: PathBuf,
    pub reminder: Option<Reminder>,
    pub review_day: Weekday,
}

/// The collection's name and colour, written when the folder has none.
const DISPLAYNAME: &str = "goalcoach";
const COLOR: &str = "#2f7d6d";

/// One to-do file in the folder as read.
struct OnDisk {
    file: String,
    fields: Fields,
    hash: u64,
}

/// The folder as read: the to-dos by UID, and what was left alone.
#[derive(Default)]
struct Disk {
    todos: HashMap<String, OnDisk>,
    /// Events and other things that are not to-dos.
    others: usize,
    /// Files that are not iCalendar goalcoach can read, with why.
    broken: Vec<String>,
}

/// Syncs `plan` (held by `store`, which saves it when the calendar changed it) with the
/// folder in `settings`; says what happened in one line.
pub fn sync_holding(
    store: &mut Store,
    plan: &mut Plan,
    settings: &Settings,
    today: NaiveDate,
    device: &str,
) -> Result<String> {
    let vdir = &settings.vdir;
    check_folder(vdir)?;
    let mut state = state::read(store.dir(), vdir);
    let disk = read_folder(vdir, today)?;
    let known = |uid: &str| state.items.contains_key(uid) || disk.todos.contains_key(uid);
    let before = items::wanted(plan, today, settings.review_day, settings.reminder, &known);
    let mut found = join::Found::default();
    let mut deleted_there = 0;
    for w in &before {
        let (Some(written), theirs) = (state.items.get(&w.uid), disk.todos.get(&w.uid)) else {
            continue;
        };
        match theirs {
            None => deleted_there += 1,
            Some(d) if d.hash != written.hash => {
                let sides = join::Sides {
                    base: &written.fields,
                    theirs: &d.fields,
                    wanted: w,
                };
                join::join_item(plan, &sides, today, device, &mut found);
            }
            Some(_) => {}
        }
    }
    capture_new(plan, &disk, &state, today, &mut found);
    let changed_plan = !found.ops.is_empty() || !found.conflicts.is_empty();
    if changed_plan {
        apply(plan, &mut found)?;
        store
            .save(plan)
            .context("the calendar's changes could not be saved; nothing was written there")?;
    }
    let after = items::wanted(plan, today, settings.review_day, settings.reminder, &known);
    let written = write_items(vdir, &after, &disk, &mut state)?;
    let removed = remove_gone(vdir, &after, &disk, &mut state);
    write_collection_files(vdir);
    state::write(store.dir(), &state).context("cannot keep what was written to the calendar")?;
    Ok(summary(&found, written, removed, deleted_there, &disk))
}

/// The folder must be a real, writable directory: a missing one, a link, or one goalcoach
/// cannot write is refused before anything is read or changed.
fn check_folder(vdir: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(vdir).with_context(|| {
        format!(
            "the calendar folder {} is not there (create it, or let `vdirsyncer discover` \
             make it); nothing was changed",
            vdir.display()
        )
    })?;
    if meta.file_type().is_symlink() {
        bail!(
            "the calendar folder {} is a link; give goalcoach the folder itself (nothing was changed)",
            vdir.display()
        );
    }
    if !meta.is_dir() {
        bail!("{} is not a folder; nothing was changed", vdir.display());
    }
    let probe = vdir.join(".goalcoach-write-test");
    std::fs::write(&probe, b"").with_context(|| {
        format!(
            "cannot write in the calendar folder {}; nothing was changed",
            vdir.display()
        )
    })?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

/// Every `.ics` file in the folder (regular files only; links are left alone).
fn read_folder(vdir: &Path, today: NaiveDate) -> Result<Disk> {
    let mut disk = Disk::default();
    let entries =
        std::fs::read_dir(vdir).with_context(|| format!("cannot read {}", vdir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".ics") || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(bytes) = std::fs::read(entry.path()) else {
            disk.broken.push(format!("{name} (cannot be read)"));
            continue;
        };
        match vtodo::parse(&String::from_utf8_lossy(&bytes), today) {
            Parsed::Todo { uid, fields } => {
                let hash = fingerprint(&bytes);
                disk.todos.insert(
                    uid,
                    OnDisk {
                        file: name,
                        fields,
                        hash,
                    },
                );
            }
            Parsed::Other => disk.others += 1,
            Parsed::Broken(why) => disk.broken.push(format!("{name} ({why})")),
        }
    }
    Ok(disk)
}

/// To-dos in the folder that are neither goalcoach's nor known: made on the phone.
fn capture_new(plan: &Plan, disk: &Disk, state: &State, today: NaiveDate, found: &mut join::Found) {
    let from_calendar: std::collections::HashSet<String> = plan
        .goals
        .iter()
        .flat_map(|g| g.all_steps())
        .filter_map(|s| {
            s.extra
                .get(items::CALENDAR_UID)?
                .as_str()
                .map(str::to_string)
        })
        .collect();
    let mut ids = plan.ids.fork();
    let mut new: Vec<(&String, &OnDisk)> = disk
        .todos
        .iter()
        .filter(|(uid, _)| {
            items::target_of_uid(plan, uid).is_none()
                && !uid.starts_with("goalcoach-")
                && !from_calendar.contains(*uid)
                && !state.items.contains_key(*uid)
        })
        .collect();
    new.sort_by(|a, b| a.1.file.cmp(&b.1.file));
    for (uid, d) in new {
        join::capture(plan, uid, &d.fields, &mut ids, today, found);
    }
}

/// Applies what the join found to the plan as one edit.
fn apply(plan: &mut Plan, found: &mut join::Found) -> Result<()> {
    let mut ops = std::mem::take(&mut found.ops);
    if !found.conflicts.is_empty() {
        let mut all = plan.conflicts.clone();
        all.extend(found.conflicts.iter().cloned());
        ops.push(Op::SetConflicts(all));
    }
    plan.apply(Op::Batch(ops)).map_err(|e| {
        anyhow::anyhow!("the calendar's changes do not fit the plan ({e}); nothing was changed")
    })?;
    Ok(())
}

/// Writes each item whose file is not what goalcoach would write now; returns how many.
fn write_items(vdir: &Path, wanted: &[Wanted], disk: &Disk, state: &mut State) -> Result<usize> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let mut written = 0;
    for w in wanted {
        let file = state
            .items
            .get(&w.uid)
            .map(|s| s.file.clone())
            .or_else(|| disk.todos.get(&w.uid).map(|d| d.file.clone()))
            .unwrap_or_else(|| items::file_for(&w.uid));
        let on_disk = disk.todos.get(&w.uid).map(|d| d.hash);
        let unchanged = state
            .items
            .get(&w.uid)
            .is_some_and(|s| s.fields == w.fields && Some(s.hash) == on_disk && s.file == file)
            && !extras_changed(w, state);
        if unchanged {
            continue;
        }
        if changed_since_read(&vdir.join(&file), on_disk) {
            continue; // edited while we worked: the next sync joins it
        }
        let text = vtodo::render(&w.uid, &w.fields, &w.extras, &stamp);
        crate::store::write_text(vdir, &file, &text)
            .with_context(|| format!("cannot write {} in the calendar folder", file))?;
        state.items.insert(
            w.uid.clone(),
            Written {
                file,
                fields: w.fields.clone(),
                hash: fingerprint(text.as_bytes()),
                body: body_of(w),
            },
        );
        written += 1;
    }
    Ok(written)
}

/// Whether the parts of an item that are not shared fields (reminder, repetition,
/// description) changed since it was written.
fn extras_changed(w: &Wanted, state: &State) -> bool {
    state
        .items
        .get(&w.uid)
        .is_some_and(|s| s.body != body_of(w))
}

/// A fingerprint of everything goalcoach writes for an item but the stamp.
fn body_of(w: &Wanted) -> u64 {
    fingerprint(vtodo::render(&w.uid, &w.fields, &w.extras, "").as_bytes())
}

/// Whether the file changed (or appeared) since the folder was read.
fn changed_since_read(path: &Path, read: Option<u64>) -> bool {
    let now = std::fs::read(path).ok().map(|b| fingerprint(&b));
    now != read
}

/// Files of items no longer in the plan (deleted here): removed when nobody changed them
/// since goalcoach wrote them. Returns how many.
fn remove_gone(vdir: &Path, wanted: &[Wanted], disk: &Disk, state: &mut State) -> usize {
    let keep: std::collections::HashSet<&str> = wanted.iter().map(|w| w.uid.as_str()).collect();
    let gone: Vec<String> = state
        .items
        .keys()
        .filter(|uid| !keep.contains(uid.as_str()))
        .cloned()
        .collect();
    let mut removed = 0;
    for uid in gone {
        let Some(written) = state.items.remove(&uid) else {
            continue;
        };
        let untouched = disk.todos.get(&uid).is_some_and(|d| d.hash == written.hash);
        if untouched && std::fs::remove_file(vdir.join(&written.file)).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The collection's `displayname` and `color`, when the folder has none.
fn write_collection_files(vdir: &Path) {
    for (name, value) in [("displayname", DISPLAYNAME), ("color", COLOR)] {
        if !vdir.join(name).exists() {
            let _ = crate::store::write_text(vdir, name, value);
        }
    }
}

/// What the sync did, in one line.
fn summary(
    found: &join::Found,
    written: usize,
    removed: usize,
    deleted_there: usize,
    disk: &Disk,
) -> String {
    use crate::model::text::plural;
    let mut parts = vec![format!("wrote {}", plural(written, "item"))];
    if found.taken > 0 {
        parts.push(format!(
            "took {} from the calendar",
            plural(found.taken, "change")
        ));
    }
    if found.captured > 0 {
        parts.push(format!(
            "{} made there went into the {INBOX_TITLE} goal",
            plural(found.captured, "to-do")
        ));
    }
    if deleted_there > 0 {
        parts.push(format!(
            "{} deleted in the calendar written back (delete them in goalcoach to have them gone)",
            plural(deleted_there, "item")
        ));
    }
    if removed > 0 {
        parts.push(format!("removed {} deleted here", plural(removed, "item")));
    }
    if !found.conflicts.is_empty() {
        parts.push(format!(
            "{} changed on both sides {} for you to choose in goalcoach",
            plural(found.conflicts.len(), "field"),
            if found.conflicts.len() == 1 {
                "waits"
            } else {
                "wait"
            }
        ));
    }
    if disk.others > 0 {
        parts.push(format!(
            "left alone {} not to-dos (events and the like)",
            plural(disk.others, "file")
        ));
    }
    if !disk.broken.is_empty() {
        parts.push(format!(
            "left alone {} goalcoach cannot read: {}",
            plural(disk.broken.len(), "file"),
            disk.broken.join(", ")
        ));
    }
    format!("calendar: {}", parts.join("; "))
}
