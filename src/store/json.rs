//! Writing the plan as pretty JSON, byte for byte what `serde_json::to_vec_pretty` writes
//! (plus a final newline),
//! but with the goals (nearly all of a large plan) serialized on all cores at once.

use crate::model::{Goal, Plan};
use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io::{self, Write};

/// Below this many goals one thread is as fast.
const PARALLEL_FROM: usize = 512;

/// serde_json's pretty layout (two-space indent) starting at a given depth, so a value can be
/// written on its own and dropped into a document at that depth.
struct PrettyAt {
    depth: usize,
    has_value: bool,
}

impl PrettyAt {
    fn newline_and_indent<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(bracket)
    }
}

fn indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        w.write_all(b"  ")?;
    }
    Ok(())
}

impl Formatter for PrettyAt {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline_and_indent(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline_and_indent(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn write_pretty<T: Serialize>(out: &mut Vec<u8>, value: &T, depth: usize) {
    let mut ser = Serializer::with_formatter(
        out,
        PrettyAt {
            depth,
            has_value: false,
        },
    );
    // Plain data into memory: cannot fail.
    let _ = value.serialize(&mut ser);
}

/// The goals as the inside of the `"goals"` array at depth 1: each at depth 2, comma-separated.
fn goals_chunk(goals: &[Goal], first: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(goals.len() * 512);
    for (i, goal) in goals.iter().enumerate() {
        out.extend_from_slice(if first && i == 0 { b"\n" } else { b",\n" });
        out.extend_from_slice(b"    ");
        write_pretty(&mut out, goal, 2);
    }
    out
}

/// The plan as pretty JSON followed by a newline, in pieces to be written one after the
/// other (so a large plan is never copied into one more buffer).
pub fn plan_parts(plan: &Plan) -> Vec<Vec<u8>> {
    plan_parts_as(plan, &plan.revisions)
}

/// `plan_parts`, with `revisions` written as the plan's (a save's new revision).
pub fn plan_parts_as(plan: &Plan, revisions: &[u64]) -> Vec<Vec<u8>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if plan.goals.len() >= PARALLEL_FROM
        && threads >= 2
        && let Some((shell, tail)) = shell_and_tail(plan, revisions)
    {
        let mut parts = vec![shell];
        parts.extend(parallel_chunks(&plan.goals, threads));
        parts.push(tail);
        return parts;
    }
    vec![whole(plan, revisions)]
}

/// `parts` (from `plan_parts_as`) with other `revisions`: only the pieces around the goals
/// are written again.
pub fn with_revisions(plan: &Plan, mut parts: Vec<Vec<u8>>, revisions: &[u64]) -> Vec<Vec<u8>> {
    match (parts.len(), shell_and_tail(plan, revisions)) {
        (n, Some((shell, tail))) if n > 1 => {
            parts[0] = shell;
            parts[n - 1] = tail;
            parts
        }
        _ => vec![whole(plan, revisions)],
    }
}

/// The plan in one piece, with `revisions` as its own (never a copy of the plan: a save of
/// a large plan with few goals must not clone it).
fn whole(plan: &Plan, revisions: &[u64]) -> Vec<u8> {
    let mut out = Vec::new();
    if revisions == plan.revisions.as_slice() || plan.goals.is_empty() {
        let mut own;
        let plan = if revisions == plan.revisions.as_slice() {
            plan
        } else {
            own = plan.clone();
            own.revisions = revisions.to_vec();
            &own
        };
        write_pretty(&mut out, plan, 0);
        out.push(b'\n');
        return out;
    }
    match shell_and_tail(plan, revisions) {
        Some((shell, tail)) => {
            out = shell;
            out.extend(goals_chunk(&plan.goals, true));
            out.extend(tail);
        }
        None => {
            let mut own = plan.clone();
            own.revisions = revisions.to_vec();
            write_pretty(&mut out, &own, 0);
            out.push(b'\n');
        }
    }
    out
}

/// The document before the goals' entries and after them (the goals are written apart).
fn shell_and_tail(plan: &Plan, revisions: &[u64]) -> Option<(Vec<u8>, Vec<u8>)> {
    // Every field listed (no `..`), so a new Plan field cannot be silently left out.
    let skeleton = Plan {
        schema_version: plan.schema_version,
        uid: plan.uid.clone(),
        next_num: plan.next_num,
        goals: Vec::new(),
        reviews: plan.reviews.clone(),
        profile: plan.profile.clone(),
        conflicts: plan.conflicts.clone(),
        revisions: revisions.to_vec(),
        extra: plan.extra.clone(),
        ids: plan.ids.clone(),
    };
    let mut shell = Vec::new();
    write_pretty(&mut shell, &skeleton, 0);
    shell.push(b'\n');
    let marker = b"\n  \"goals\": []";
    let at = shell.windows(marker.len()).position(|w| w == marker)?;
    let split = at + marker.len() - 1; // just before the closing ']'
    let mut tail = b"\n  ".to_vec();
    tail.extend_from_slice(&shell[split..]);
    shell.truncate(split);
    Some((shell, tail))
}

fn parallel_chunks(goals: &[Goal], threads: usize) -> Vec<Vec<u8>> {
    let per = goals.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = goals
            .chunks(per)
            .enumerate()
            .map(|(i, chunk)| scope.spawn(move || goals_chunk(chunk, i == 0)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{GenOptions, generate};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn new_revisions_are_written_byte_for_byte_as_serde_would_without_a_copy() {
        for items in [0, 40, 2_000] {
            let plan = generate(&GenOptions {
                items,
                seed: 3,
                today: day(),
            });
            let revisions = [7, 5, 3];
            let mut expected = plan.clone();
            expected.revisions = revisions.to_vec();
            let mut theirs = serde_json::to_vec_pretty(&expected).unwrap();
            theirs.push(b'\n');
            assert_eq!(
                plan_parts_as(&plan, &revisions).concat(),
                theirs,
                "{items} items"
            );
            let parts = with_revisions(&plan, plan_parts(&plan), &revisions);
            assert_eq!(parts.concat(), theirs, "{items} items, the pieces reused");
        }
    }

    fn same_as_serde(plan: &Plan) {
        let ours = plan_parts(plan).concat();
        let mut theirs = serde_json::to_vec_pretty(plan).unwrap();
        theirs.push(b'\n');
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }

    #[test]
    fn parallel_output_is_byte_for_byte_serde_json_pretty() {
        let mut plan = generate(&GenOptions {
            items: 12_000,
            seed: 5,
            today: day(),
        });
        assert!(plan.goals.len() >= PARALLEL_FROM, "{}", plan.goals.len());
        same_as_serde(&plan);
        plan.extra.insert(
            "future".into(),
            serde_json::json!({"a": [1, {"b": []}], "c": {}}),
        );
        plan.goals[3]
            .extra
            .insert("colour".into(), serde_json::json!("teal"));
        same_as_serde(&plan);
    }

    #[test]
    fn small_and_empty_plans_match_too() {
        same_as_serde(&Plan::default());
        same_as_serde(&generate(&GenOptions {
            items: 50,
            seed: 1,
            today: day(),
        }));
    }
}
