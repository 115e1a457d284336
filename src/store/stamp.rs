//! What `plan.json` looked like when goalcoach last read or wrote it: size, time, inode and
//! a fast fingerprint, so a change made behind its back is noticed cheaply.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// What `plan.json` looked like when we last read or wrote it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    /// The file's inode (0 where there is none), so a file renamed into place is noticed.
    inode: u64,
    hash: u64,
}

impl DiskStamp {
    /// Whether the file this stamp describes held exactly `parts`.
    pub(super) fn has_bytes(&self, parts: &[&[u8]]) -> bool {
        parts.iter().map(|p| p.len() as u64).sum::<u64>() == self.len && hash_of(parts) == self.hash
    }

    /// Whether the file at `path` is still the one this stamp describes: same size, time
    /// and inode, or failing that the same bytes.
    pub(super) fn describes(&self, path: &Path) -> bool {
        let Ok(meta) = fs::metadata(path) else {
            return false;
        };
        if meta.len() == self.len
            && meta.modified().ok() == self.modified
            && inode_of(&meta) == self.inode
        {
            return true;
        }
        fs::read(path).is_ok_and(|bytes| hash_of(&[&bytes]) == self.hash)
    }
}

fn inode_of(meta: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::ino(meta)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        0
    }
}

/// A fast 64-bit fingerprint of the file given in parts (the result does not depend on how
/// it is split), to tell whether it changed behind our back. Not a defence against anyone
/// crafting collisions; it runs over the whole file on every save, so it must be cheap.
pub(super) fn hash_of(parts: &[&[u8]]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(29);
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let mut h = len as u64 ^ K;
    let mut carry = [0u8; 8];
    let mut filled = 0;
    for part in parts {
        let mut rest = *part;
        if filled > 0 {
            let take = (8 - filled).min(rest.len());
            carry[filled..filled + take].copy_from_slice(&rest[..take]);
            filled += take;
            rest = &rest[take..];
            if filled < 8 {
                continue;
            }
            h = mix(h, u64::from_le_bytes(carry));
        }
        let mut chunks = rest.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = mix(h, u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        carry[..tail.len()].copy_from_slice(tail);
        filled = tail.len();
    }
    for &b in &carry[..filled] {
        h = mix(h, u64::from(b));
    }
    h ^ (h >> 32)
}

pub(super) fn stamp_of(path: &Path, parts: &[&[u8]]) -> DiskStamp {
    let meta = fs::metadata(path).ok();
    DiskStamp {
        len: parts.iter().map(|p| p.len() as u64).sum(),
        modified: meta.as_ref().and_then(|m| m.modified().ok()),
        inode: meta.as_ref().map_or(0, inode_of),
        hash: hash_of(parts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_sees_any_change_and_ignores_how_it_is_split() {
        let a = b"{\"schema_version\": 1, \"goals\": []}\n".to_vec();
        let mut b = a.clone();
        b[20] ^= 1;
        assert_ne!(hash_of(&[&a]), hash_of(&[&b]));
        assert_ne!(hash_of(&[&a]), hash_of(&[&a[..a.len() - 1]]));
        for split in 0..a.len() {
            for second in split..a.len() {
                let parts = [&a[..split], &a[split..second], &a[second..]];
                assert_eq!(
                    hash_of(&parts),
                    hash_of(&[&a]),
                    "split at {split}, {second}"
                );
            }
        }
    }
}
