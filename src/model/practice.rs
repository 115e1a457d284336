//! A repeating step as a habit: its past occurrences each done on time, done late or missed,
//! as org-mode's habit graph shows them, and its current streak. The occurrences are worked
//! back from the step's next due date, its done days and its count of missed ones (each
//! moved the due date on by one interval), so the strip always agrees with those counts.
//! Pure: nothing here reads the clock.

use super::items::ActionStep;
use chrono::NaiveDate;

/// How many occurrences the strip shows.
pub const STRIP_LEN: usize = 12;

/// What became of one occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    OnTime,
    Late,
    Missed,
}

impl Mark {
    /// The strip's character: `✓` on time, `~` late, `·` missed.
    pub fn glyph(self) -> char {
        match self {
            Mark::OnTime => '✓',
            Mark::Late => '~',
            Mark::Missed => '·',
        }
    }
}

/// Every past occurrence of a repeating step, oldest first; empty for a one-off step.
pub fn occurrences(step: &ActionStep) -> Vec<Mark> {
    let (Some(rule), Some(due)) = (step.recurrence, step.due) else {
        return Vec::new();
    };
    let mut done: Vec<NaiveDate> = step.history.clone();
    done.sort();
    let gone_by = done.len() + step.missed as usize;
    let dues: Vec<NaiveDate> = (1..=gone_by as u64)
        .rev()
        .map(|back| rule.rewind(due, back))
        .collect();
    let mut marks = Vec::with_capacity(gone_by);
    let mut next_done = 0;
    for (i, &on) in dues.iter().enumerate() {
        let window_end = dues.get(i + 1).copied().unwrap_or(due);
        let left = gone_by - i;
        let dones_left = done.len() - next_done;
        let fits = done.get(next_done).is_some_and(|&d| d < window_end);
        if dones_left > 0 && (fits || dones_left >= left) {
            let day = done[next_done];
            next_done += 1;
            marks.push(if day <= on { Mark::OnTime } else { Mark::Late });
        } else {
            marks.push(Mark::Missed);
        }
    }
    marks
}

/// The last `STRIP_LEN` occurrences, oldest first.
pub fn strip(step: &ActionStep) -> Vec<Mark> {
    let all = occurrences(step);
    all[all.len().saturating_sub(STRIP_LEN)..].to_vec()
}

/// How many occurrences in a row, back from the newest, were done (on time or late).
pub fn streak(step: &ActionStep) -> usize {
    occurrences(step)
        .iter()
        .rev()
        .take_while(|m| **m != Mark::Missed)
        .count()
}

/// The strip in characters: "✓✓~·✓".
pub fn strip_text(step: &ActionStep) -> String {
    strip(step).iter().map(|m| m.glyph()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;
    use crate::model::items::Recurrence;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn weekly(due: &str, history: &[&str], missed: u32) -> ActionStep {
        let mut s = ActionStep::new(ItemId(1), "1:1 with Sam");
        s.recurrence = Recurrence::parse("weekly");
        s.due = Some(d(due));
        s.history = history.iter().map(|h| d(h)).collect();
        s.missed = missed;
        s
    }

    #[test]
    fn on_time_late_and_missed_are_told_apart_and_counts_agree() {
        // Due Mondays: Nov 2 done on the day, Nov 9 missed, Nov 16 done two days late,
        // Nov 23 done early; now due Nov 30.
        let s = weekly("2026-11-30", &["2026-11-02", "2026-11-18", "2026-11-22"], 1);
        assert_eq!(
            occurrences(&s),
            [Mark::OnTime, Mark::Missed, Mark::Late, Mark::OnTime]
        );
        assert_eq!(strip_text(&s), "✓·~✓");
        assert_eq!(streak(&s), 2);
    }

    #[test]
    fn the_strip_keeps_the_last_twelve_and_a_miss_ends_the_streak() {
        let history: Vec<String> = (0..14)
            .map(|w| (d("2026-06-01") + chrono::Duration::weeks(w)).to_string())
            .collect();
        let refs: Vec<&str> = history.iter().map(String::as_str).collect();
        let s = weekly("2026-09-07", &refs, 0);
        assert_eq!(strip(&s).len(), STRIP_LEN);
        assert_eq!(streak(&s), 14);
        let s = weekly("2026-09-14", &refs, 1);
        assert_eq!(streak(&s), 0);
        assert_eq!(strip_text(&s).chars().last(), Some('·'));
    }

    #[test]
    fn a_one_off_step_has_no_strip() {
        let mut s = ActionStep::new(ItemId(1), "once");
        s.done = Some(d("2026-11-02"));
        assert!(strip(&s).is_empty());
        assert_eq!(streak(&s), 0);
    }
}
