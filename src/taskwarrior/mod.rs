//! taskwarrior's JSON, both ways. In (here): `task export` becomes steps, a goal per
//! project, its UTC stamps read as the local day, tags and annotations kept in the step's
//! notes, a recurring task one repeating step (not its template and each instance), and a
//! task seen before (by uuid) updated rather than added: its title, due date, being done, an
//! occurrence of a repeating one done, annotations added since. Out (`out`): the steps as
//! tasks `task import` accepts, each with a uuid that stays the same from export to export
//! and the fields task keeps that goalcoach does not (kept in the step as task last gave
//! them), so the loop can go round any number of times without undoing either side.

mod join;
mod out;
#[cfg(test)]
mod tests;

use crate::import::{Import, task_summary};
use crate::model::repeat::{From, Unit};
use crate::model::text::{clean_line, clean_text};
use crate::model::{ActionStep, Goal, ItemId, Node, Op, Plan, Recurrence};
use anyhow::Result;
use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

pub use join::import;
pub use out::export;

/// The step field that remembers which taskwarrior task a step came from.
const TASK_UUID: &str = "taskwarrior_uuid";
/// The step field keeping what task said of the task beyond what goalcoach owns (entry date,
/// annotations, tags, user-defined attributes, a template's due and mask), sent back on export.
const KEPT: &str = "taskwarrior_task";
/// Inside `KEPT`: the task is a recurring template (task makes the occurrences).
const TEMPLATE: &str = "goalcoach_template";
/// Fields of a task goalcoach owns or task works out itself: not kept.
const NOT_KEPT: [&str; 9] = [
    "uuid",
    "description",
    "project",
    "status",
    "end",
    "priority",
    "id",
    "urgency",
    "modified",
];

/// One task of `task export`, with the fields goalcoach reads.
#[derive(Deserialize)]
struct Task {
    uuid: String,
    description: String,
    #[serde(default)]
    project: Option<String>,
    #[serde(default)]
    status: String,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    priority: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    annotations: Vec<Annotation>,
    #[serde(default)]
    recur: Option<String>,
    /// For an instance of a recurring task: the template's uuid.
    #[serde(default)]
    parent: Option<String>,
    /// Every other field (entry, mask, user-defined attributes), kept as task gave it.
    #[serde(flatten)]
    other: Map<String, Value>,
}

impl Task {
    fn is_template(&self) -> bool {
        self.status == "recurring"
    }

    /// What goalcoach keeps of this task to send back: everything it does not own; a
    /// template's due date too (task counts its occurrences from it).
    fn kept(&self) -> Value {
        let mut kept: Map<String, Value> = self
            .other
            .iter()
            .filter(|(k, _)| !NOT_KEPT.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !self.tags.is_empty() {
            kept.insert("tags".into(), serde_json::json!(self.tags));
        }
        if !self.annotations.is_empty() {
            let annotations = serde_json::to_value(&self.annotations).unwrap_or_default();
            kept.insert("annotations".into(), annotations);
        }
        if self.is_template() {
            kept.insert(TEMPLATE.into(), Value::Bool(true));
            if let Some(due) = &self.due {
                kept.insert("due".into(), due.clone().into());
            }
        }
        Value::Object(kept)
    }
}

#[derive(Clone, Deserialize, Serialize, PartialEq)]
struct Annotation {
    #[serde(default)]
    entry: Option<String>,
    description: String,
}

/// A taskwarrior stamp (`20261130T230000Z`, UTC) as the day it is where the user is.
fn local_day(stamp: &Option<String>) -> Option<NaiveDate> {
    let stamp = stamp.as_deref()?;
    let utc = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ").ok()?;
    Some(
        Utc.from_utc_datetime(&utc)
            .with_timezone(&Local)
            .date_naive(),
    )
}

/// The start of `day` where the user is, as a taskwarrior stamp (what `due:2026-12-01`
/// stores).
fn stamp_of(day: NaiveDate) -> String {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    let utc = match Local.from_local_datetime(&midnight).earliest() {
        Some(local) => local.with_timezone(&Utc).naive_utc(),
        None => midnight,
    };
    utc.format("%Y%m%dT%H%M%SZ").to_string()
}

/// taskwarrior's `recur` values: `daily`, `weekly`, `biweekly`, `monthly`, `quarterly`,
/// `yearly`, `3d`, `2w`, `6mo`, `P1W`…
fn recurrence(recur: &str) -> Option<Recurrence> {
    let word = recur.trim().to_lowercase();
    let (every, unit) = match word.as_str() {
        "daily" | "day" => (1, Unit::Days),
        "weekly" | "week" => (1, Unit::Weeks),
        "biweekly" | "fortnight" | "fortnightly" => (2, Unit::Weeks),
        "monthly" | "month" => (1, Unit::Months),
        "quarterly" => (3, Unit::Months),
        "semiannual" => (6, Unit::Months),
        "annual" | "yearly" | "year" => (12, Unit::Months),
        _ => {
            let spec = word.trim_start_matches('p');
            let digits = spec.len() - spec.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let count: u32 = spec[..digits].parse().unwrap_or(1);
            match &spec[digits..] {
                "d" | "days" => (count, Unit::Days),
                "w" | "wk" | "wks" | "weeks" => (count, Unit::Weeks),
                "m" | "mo" | "mos" | "months" => (count, Unit::Months),
                "q" | "qtrs" => (count.checked_mul(3)?, Unit::Months),
                "y" | "yr" | "yrs" | "years" => (count.checked_mul(12)?, Unit::Months),
                _ => return None,
            }
        }
    };
    Recurrence::checked(every, unit, From::Due)
}

/// The uuid a step goes out with: the one it came in with, or one made from the plan and
/// the step's id (the same every time); for a repeating step made here, its current
/// occurrence's (see `occurrence_uuid`).
pub fn uuid_of(plan: &Plan, step: &ActionStep) -> String {
    if let Some(uuid) = step.extra.get(TASK_UUID).and_then(|v| v.as_str()) {
        return uuid.to_string();
    }
    match step.recurrence {
        Some(_) => occurrence_uuid(plan, step, step.history.len()),
        None => made_uuid(plan, step, 0),
    }
}

/// A repeating step made in goalcoach goes to task one occurrence at a time, each a task of
/// its own (task's `recur` would make copies on its own schedule): occurrence `n` counts the
/// occurrences done before it. The first one has the step's plain uuid.
fn occurrence_uuid(plan: &Plan, step: &ActionStep, n: usize) -> String {
    made_uuid(plan, step, n)
}

/// For a repeating step made here with an occurrence done: the uuid that occurrence went
/// to task with.
fn previous_occurrence_uuid(plan: &Plan, step: &ActionStep) -> Option<String> {
    let done = step.history.len();
    (step.recurrence.is_some() && done > 0 && !step.extra.contains_key(TASK_UUID))
        .then(|| occurrence_uuid(plan, step, done - 1))
}

/// For a repeating step made here: the uuids its occurrences done so far went to task with.
fn earlier_occurrence_uuids(plan: &Plan, step: &ActionStep) -> Vec<String> {
    if step.recurrence.is_none() || step.extra.contains_key(TASK_UUID) {
        return Vec::new();
    }
    (0..step.history.len())
        .map(|n| occurrence_uuid(plan, step, n))
        .collect()
}

/// Whether a step goes to task as a recurring template it came from.
fn is_template(step: &ActionStep) -> bool {
    step.recurrence.is_some()
        && step
            .extra
            .get(KEPT)
            .and_then(|k| k.get(TEMPLATE))
            .and_then(Value::as_bool)
            == Some(true)
}

/// A uuid made from the plan, the step's id and `n` (the same every time).
fn made_uuid(plan: &Plan, step: &ActionStep, n: usize) -> String {
    let seed = match n {
        0 => format!("goalcoach:{}:{}", plan.uid, step.id.0),
        n => format!("goalcoach:{}:{}:{n}", plan.uid, step.id.0),
    };
    let hash = |basis: u64| crate::model::text::fnv1a(basis, seed.as_bytes());
    let (hi, lo) = (
        hash(crate::model::text::FNV_BASIS),
        hash(0x84222325_cbf29ce4),
    );
    let hi = (hi & !0xf000) | 0x8000; // version 8: made by the application
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}
