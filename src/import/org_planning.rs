//! Org-mode's planning line under a headline (`DEADLINE:`, `SCHEDULED:`, `CLOSED:`) and the
//! repeaters in its timestamps (`+1w`, `.+1w`), read into an outline entry.

use super::entry::{Entry, date_at_start};
use crate::model::Recurrence;
use crate::model::repeat::{From, Unit};

pub fn is_planning(trimmed: &str) -> bool {
    ["DEADLINE:", "SCHEDULED:", "CLOSED:"]
        .iter()
        .any(|k| trimmed.starts_with(k))
}

/// `DEADLINE: <2026-12-01 Tue +1w> SCHEDULED: <…> CLOSED: [2026-11-10 Tue 10:02]`.
pub fn read_planning(entry: &mut Entry, line: &str) {
    let mut scheduled = None;
    for (keyword, open, close) in [
        ("DEADLINE:", '<', '>'),
        ("SCHEDULED:", '<', '>'),
        ("CLOSED:", '[', ']'),
    ] {
        let Some(at) = line.find(keyword) else {
            continue;
        };
        let rest = line[at + keyword.len()..].trim_start();
        let Some(stamp) = rest
            .strip_prefix(open)
            .and_then(|r| r.split_once(close))
            .map(|(s, _)| s)
        else {
            continue;
        };
        let date = date_at_start(stamp);
        match keyword {
            "DEADLINE:" => {
                entry.due = date.or(entry.due);
                entry.repeat = repeater(stamp).or(entry.repeat);
            }
            "SCHEDULED:" => {
                scheduled = date;
                entry.repeat = entry.repeat.or(repeater(stamp));
            }
            _ => entry.done_on = date,
        }
    }
    entry.due = entry.due.or(scheduled);
}

/// An org repeater in a timestamp: `+1w` (from the date), `++1w`, `.+1w` (from when done).
fn repeater(stamp: &str) -> Option<Recurrence> {
    let word = stamp
        .split_whitespace()
        .find(|w| w.starts_with('+') || w.starts_with(".+"))?;
    let from = if word.starts_with(".+") {
        From::Done
    } else {
        From::Due
    };
    let spec = word.trim_start_matches(['.', '+']);
    let (count, unit) = spec.split_at(spec.len().checked_sub(1)?);
    let (every, unit) = match unit {
        "d" => (count.parse().ok()?, Unit::Days),
        "w" => (count.parse().ok()?, Unit::Weeks),
        "m" => (count.parse().ok()?, Unit::Months),
        "y" => (count.parse::<u32>().ok()?.checked_mul(12)?, Unit::Months),
        _ => return None,
    };
    Recurrence::checked(every, unit, from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeaters_a_plan_can_hold_and_none_past_them() {
        let r = |s| repeater(s).map(|r| r.to_string());
        assert_eq!(
            r("2026-12-05 Sat .+1w").as_deref(),
            Some("weekly after done")
        );
        assert_eq!(r("2026-12-05 Sat +2y").as_deref(), Some("every 24 months"));
        assert_eq!(r("2026-12-05 Sat +9999d"), None);
        assert_eq!(r("2026-12-05 Sat +0d"), None);
    }
}
