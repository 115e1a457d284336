//! Where a copy of the plan came from: each save gives the plan a new random revision, kept
//! first in `Plan::revisions` ahead of the ones it grew from (at most `KEEP`). Two copies
//! that share a revision both grew from that version, so it is a base a three-way merge can
//! trust — how a conflict copy a file-sync tool left is merged with a base instead of asking
//! about every difference.

/// How many revisions a plan remembers.
pub const KEEP: usize = 64;

/// `a`'s revisions, then `b`'s that `a` lacks, taken turn about (so each side's newest stay
/// when the list is cut to `KEEP`).
pub fn join(a: &[u64], b: &[u64]) -> Vec<u64> {
    let others: Vec<u64> = b.iter().copied().filter(|r| !a.contains(r)).collect();
    if others.is_empty() {
        return a.iter().copied().take(KEEP).collect();
    }
    let mut out = Vec::with_capacity(KEEP);
    let (mut i, mut j) = (0, 0);
    while out.len() < KEEP && (i < a.len() || j < others.len()) {
        if i < a.len() {
            out.push(a[i]);
            i += 1;
        }
        if j < others.len() && out.len() < KEEP {
            out.push(others[j]);
            j += 1;
        }
    }
    out
}

/// The revisions after a save: `new`, then what the plan on disk had and what the plan being
/// saved grew from (a merge brings the other side's).
pub fn after_save(new: u64, on_disk: &[u64], saved: &[u64]) -> Vec<u64> {
    let mut out = vec![new];
    out.extend(join(on_disk, saved).into_iter().take(KEEP - 1));
    out
}

/// The newest revision both copies grew from, if any.
pub fn common(ours: &[u64], theirs: &[u64]) -> Option<u64> {
    ours.iter().copied().find(|r| theirs.contains(r))
}

/// A fresh random revision (53 bits, as item ids, so any JSON reader keeps it exact).
pub fn fresh() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    (h.finish() & ((1 << 53) - 1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_puts_its_revision_first_and_a_merge_keeps_both_sides() {
        assert_eq!(after_save(9, &[3, 2, 1], &[2, 1]), [9, 3, 2, 1]);
        let merged = join(&[5, 3, 2, 1], &[7, 6, 2, 1]);
        assert_eq!(merged, [5, 7, 3, 6, 2, 1]);
        assert_eq!(common(&[5, 3, 2, 1], &[7, 6, 2, 1]), Some(2));
        assert_eq!(common(&[5], &[7]), None);
        let long: Vec<u64> = (100..200).collect();
        assert_eq!(join(&long, &[1]).len(), KEEP);
        assert!(
            join(&long, &[1]).contains(&1),
            "the other side's newest survives the cut"
        );
        assert_ne!(fresh(), 0);
    }
}
