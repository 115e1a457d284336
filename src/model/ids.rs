//! Stable item ids: one counter per plan, shared by goals, milestones and steps, never reused;
//! and the map of unknown fields every record keeps.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Fields of an item this version does not know, kept so a newer version's data survives a
/// round trip through this one.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// The id of a goal, milestone or action step; unique within a plan and stable across edits.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ItemId(pub u64);

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

impl std::str::FromStr for ItemId {
    type Err = String;

    /// Accepts `12` or `#12`, the way `goalcoach list` prints ids.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s.trim().trim_start_matches('#');
        digits
            .parse::<u64>()
            .map(ItemId)
            .map_err(|_| format!("'{s}' is not an item id (ids look like 12 or #12)"))
    }
}

/// Hashes item ids for the index: ids are small unique integers, so one multiply spreads
/// them well and is much cheaper than the default SipHash over 50,000 entries.
#[derive(Default, Clone, Copy, Debug)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Builds `IdHasher`s, for maps and sets keyed by item id.
pub type BuildIdHasher = std::hash::BuildHasherDefault<IdHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_or_without_hash() {
        assert_eq!("12".parse::<ItemId>(), Ok(ItemId(12)));
        assert_eq!("#7".parse::<ItemId>(), Ok(ItemId(7)));
        assert!("x".parse::<ItemId>().is_err());
        assert_eq!(ItemId(3).to_string(), "#3");
    }
}
