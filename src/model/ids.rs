//! Who an item is, and what a person calls it. An item's `ItemId` is its identity: random
//! for items made since schema 2, so two copies of a plan on two devices never hand out the
//! same one, and never changed afterwards (every reference holds it). Its `Num` is the short
//! `#12` a person reads and types: unique within one plan, counted up on each device, and
//! renumbered only when a merge brings in an item that took the same number elsewhere.
//! Also the map of unknown fields every record keeps.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Fields of an item this version does not know, kept so a newer version's data survives a
/// round trip through this one.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// The identity of a goal, milestone or action step: unique across every copy of a plan and
/// never changed. People never see it; they see the item's `Num`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ItemId(pub u64);

/// The short number of an item (`#12`): unique within a plan, what `goalcoach list` prints
/// and what the command line accepts. 0 means "not numbered yet".
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Num(pub u64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

impl std::str::FromStr for Num {
    type Err = String;

    /// Accepts `12` or `#12`, the way `goalcoach list` prints numbers.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s.trim().trim_start_matches('#');
        match digits.parse::<u64>() {
            Ok(n) if n > 0 => Ok(Num(n)),
            _ => Err(format!(
                "'{s}' is not an item number (they look like 12 or #12, as `goalcoach list` shows)"
            )),
        }
    }
}

/// Ids from this number up are random (schema 2); smaller ones were counted (schema 1 files,
/// and plans built in memory by tests and the sample generator).
pub const RANDOM_FROM: u64 = 1 << 32;
/// Ids stay below 2^53, so every JSON reader (JavaScript included) reads them exactly.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// Where new ids come from. Not saved: a plan read from disk draws random ids; a plan built
/// in memory counts 1, 2, 3, … so tests and generated plans are repeatable.
#[derive(Debug)]
pub enum IdSource {
    Counter(u64),
    /// A splitmix64 state seeded from the operating system's randomness.
    Random(u64),
}

impl Default for IdSource {
    fn default() -> Self {
        IdSource::Counter(1)
    }
}

/// A copy of a random source draws anew, so a copy of a plan never hands out the ids the
/// original will.
impl Clone for IdSource {
    fn clone(&self) -> Self {
        self.fork()
    }
}

/// Where ids come from is not part of what a plan holds.
impl PartialEq for IdSource {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl IdSource {
    /// A random source, seeded from the operating system and the clock.
    pub fn random() -> IdSource {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        IdSource::Random(h.finish())
    }

    /// The next id.
    pub fn next_id(&mut self) -> ItemId {
        match self {
            IdSource::Counter(n) => {
                let id = ItemId((*n).max(1));
                *n = id.0 + 1;
                id
            }
            IdSource::Random(state) => {
                let span = MAX_ID - RANDOM_FROM + 1;
                ItemId(RANDOM_FROM + splitmix64(state) % span)
            }
        }
    }

    /// A source for ids handed out apart from the plan (an import building items before they
    /// are inserted): a counter continues where this one is, a random source draws anew.
    pub fn fork(&self) -> IdSource {
        match self {
            IdSource::Counter(n) => IdSource::Counter(*n),
            IdSource::Random(_) => IdSource::random(),
        }
    }

    /// Makes a counting source count on past `id`.
    pub fn skip_past(&mut self, id: ItemId) {
        if let IdSource::Counter(n) = self {
            *n = (*n).max(id.0.saturating_add(1));
        }
    }
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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
    fn numbers_parse_with_or_without_hash() {
        assert_eq!("12".parse::<Num>(), Ok(Num(12)));
        assert_eq!("#7".parse::<Num>(), Ok(Num(7)));
        assert!("x".parse::<Num>().is_err());
        assert!("0".parse::<Num>().is_err());
        assert_eq!(Num(3).to_string(), "#3");
    }

    #[test]
    fn random_ids_are_large_in_range_and_differ_between_sources() {
        let (mut a, mut b) = (IdSource::Random(1), IdSource::Random(2));
        let from_a: Vec<_> = (0..1000).map(|_| a.next_id()).collect();
        for id in &from_a {
            assert!((RANDOM_FROM..=MAX_ID).contains(&id.0));
        }
        let from_b: std::collections::HashSet<_> = (0..1000).map(|_| b.next_id()).collect();
        assert!(from_a.iter().all(|id| !from_b.contains(id)));
    }

    #[test]
    fn a_counter_counts_on_past_ids_it_is_shown() {
        let mut c = IdSource::default();
        assert_eq!(c.next_id(), ItemId(1));
        c.skip_past(ItemId(40));
        assert_eq!(c.next_id(), ItemId(41));
    }
}
