//! How a repeating step comes back: every N days, weeks or months, counted from its due date
//! or from the day it was done. Written in plan.json and typed in forms as the same plain
//! words ("weekly", "every 2 weeks", "every 10 days after done"); older files' "weekly" and
//! "monthly" read as before. The next occurrence always lands on or after today: the ones
//! missed on the way are skipped and counted, never stacked up as overdue copies.

use super::dates::plus_days;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The unit a step repeats in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
    Months,
}

impl Unit {
    fn word(self) -> &'static str {
        match self {
            Unit::Days => "day",
            Unit::Weeks => "week",
            Unit::Months => "month",
        }
    }
}

/// What the next occurrence counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum From {
    /// The due date of the one done (a fixed rhythm: every Monday stays on Mondays).
    #[default]
    Due,
    /// The day it was done ("water the plants 10 days after the last time").
    Done,
}

/// How often a recurring step comes back once done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recurrence {
    /// How many units between occurrences, at least 1.
    pub every: u32,
    pub unit: Unit,
    pub from: From,
}

/// How many months are stepped through at most when counting (a thousand years of them).
const MAX_STEPS: u64 = 12_000;

/// The largest interval a form or file may give (ten years of days).
pub const MAX_EVERY: u32 = 3660;

impl Recurrence {
    /// Once a week, from the due date.
    pub const WEEKLY: Recurrence = Recurrence::every(1, Unit::Weeks);
    /// Once a month, from the due date.
    pub const MONTHLY: Recurrence = Recurrence::every(1, Unit::Months);

    /// Every `every` units from `from`, when `every` is one a plan may hold (1 to
    /// `MAX_EVERY`): what every reader (forms, org, taskwarrior, plan.json) builds one with,
    /// so no rule that would not read back reaches a plan.
    pub fn checked(every: u32, unit: Unit, from: From) -> Option<Recurrence> {
        (1..=MAX_EVERY)
            .contains(&every)
            .then_some(Recurrence { every, unit, from })
    }

    /// Every `n` units from the due date.
    pub const fn every(n: u32, unit: Unit) -> Recurrence {
        Recurrence {
            every: n,
            unit,
            from: From::Due,
        }
    }

    /// The date one interval after `date`. Months keep the day of the month; a date on a
    /// month's last day stays on the last day (Jan 31 → Feb 28 → Mar 31), and a day the
    /// next month lacks lands on its last day.
    pub fn after(self, date: NaiveDate) -> NaiveDate {
        let n = self.every.clamp(1, MAX_EVERY);
        match self.unit {
            Unit::Days => plus_days(date, n.into()),
            Unit::Weeks => plus_days(date, u64::from(n) * 7),
            Unit::Months => {
                let next = date.checked_add_months(Months::new(n)).unwrap_or(date);
                if is_month_end(date) {
                    month_end(next)
                } else {
                    next
                }
            }
        }
    }

    /// The interval in days when it is a fixed number of them (days and weeks; months vary).
    pub fn fixed_days(self) -> Option<u64> {
        let n = u64::from(self.every.clamp(1, MAX_EVERY));
        match self.unit {
            Unit::Days => Some(n),
            Unit::Weeks => Some(n * 7),
            Unit::Months => None,
        }
    }

    /// The date `times` intervals before `date`, as `before` that many times would give
    /// (days and weeks at once; months step, as month ends and short months shift them).
    pub fn rewind(self, date: NaiveDate, times: u64) -> NaiveDate {
        match self.fixed_days() {
            Some(days) => super::dates::minus_days(date, days.saturating_mul(times)),
            None => (0..times.min(MAX_STEPS)).fold(date, |d, _| self.before(d)),
        }
    }

    /// How many occurrences from `first` (itself one) fall on or before `end`, as stepping
    /// with `after` would count them (days and weeks at once; months step).
    pub fn count_until(self, first: NaiveDate, end: NaiveDate) -> u64 {
        if end < first {
            return 0;
        }
        if let Some(days) = self.fixed_days() {
            return (end - first).num_days() as u64 / days + 1;
        }
        let mut count = 0;
        let mut at = first;
        while at <= end && count < MAX_STEPS {
            count += 1;
            let next = self.after(at);
            if next <= at {
                break;
            }
            at = next;
        }
        count
    }

    /// The date one interval before `date` (the inverse of `after`, month ends kept).
    pub fn before(self, date: NaiveDate) -> NaiveDate {
        let n = self.every.clamp(1, MAX_EVERY);
        match self.unit {
            Unit::Days => super::dates::minus_days(date, n.into()),
            Unit::Weeks => super::dates::minus_days(date, u64::from(n) * 7),
            Unit::Months => {
                let back = date.checked_sub_months(Months::new(n)).unwrap_or(date);
                if is_month_end(date) {
                    month_end(back)
                } else {
                    back
                }
            }
        }
    }

    /// The due date of the occurrence after one due on `due` and done on `done`, on or after
    /// `today`, and how many occurrences were passed over to get there.
    pub fn next(self, due: NaiveDate, done: NaiveDate, today: NaiveDate) -> (NaiveDate, u32) {
        let base = match self.from {
            From::Due => due,
            From::Done => done,
        };
        let mut next = self.after(base);
        let mut missed = 0;
        while next < today {
            let later = self.after(next);
            if later <= next {
                break;
            }
            next = later;
            missed += 1;
        }
        (next, missed)
    }

    /// Reads what a person types: `weekly`, `monthly`, `daily`, `every 2 weeks`,
    /// `every 10 days after done`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Recurrence> {
        let text = text.trim().to_lowercase();
        let (rule, from) = match text
            .strip_suffix("after done")
            .or_else(|| text.strip_suffix("from done"))
        {
            Some(rest) => (rest.trim(), From::Done),
            None => (text.as_str(), From::Due),
        };
        let (every, unit) = match rule {
            "daily" => (1, Unit::Days),
            "weekly" => (1, Unit::Weeks),
            "fortnightly" | "biweekly" | "every fortnight" | "every other week" => (2, Unit::Weeks),
            "every other day" => (2, Unit::Days),
            "every other month" | "bimonthly" => (2, Unit::Months),
            "quarterly" => (3, Unit::Months),
            "monthly" => (1, Unit::Months),
            _ => parse_every(rule)?,
        };
        Recurrence::checked(every, unit, from)
    }
}

fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt()
        .is_none_or(|next| next.month() != date.month())
}

/// The last day of `date`'s month.
fn month_end(date: NaiveDate) -> NaiveDate {
    let first_of_next = if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    };
    first_of_next.and_then(|d| d.pred_opt()).unwrap_or(date)
}

fn parse_every(rule: &str) -> Option<(u32, Unit)> {
    let rest = rule.strip_prefix("every")?.trim();
    let (count, word) = match rest.split_once(char::is_whitespace) {
        Some((n, word)) => (n.parse().ok()?, word.trim()),
        None => (1, rest),
    };
    let unit = match word.trim_end_matches('s') {
        "day" => Unit::Days,
        "week" => Unit::Weeks,
        "month" => Unit::Months,
        _ => return None,
    };
    Some((count, unit))
}

/// What the Repeats field accepts, for messages.
pub const REPEAT_FORMS: &str = "weekly, monthly, daily, every 2 weeks (or fortnightly, every \
other week), every 10 days after done (empty: does not repeat)";

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.every, self.unit) {
            (1, Unit::Days) => write!(f, "daily")?,
            (1, Unit::Weeks) => write!(f, "weekly")?,
            (1, Unit::Months) => write!(f, "monthly")?,
            (n, unit) => write!(f, "every {n} {}s", unit.word())?,
        }
        if self.from == From::Done {
            write!(f, " after done")?;
        }
        Ok(())
    }
}

impl Serialize for Recurrence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Recurrence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Recurrence::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{text}' is not a repetition goalcoach knows (try {REPEAT_FORMS})"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn intervals_move_by_days_weeks_or_months() {
        assert_eq!(Recurrence::WEEKLY.after(d("2026-03-30")), d("2026-04-06"));
        assert_eq!(Recurrence::MONTHLY.after(d("2026-01-31")), d("2026-02-28"));
        assert_eq!(Recurrence::MONTHLY.after(d("2026-12-15")), d("2027-01-15"));
        let fortnight = Recurrence::every(2, Unit::Weeks);
        assert_eq!(fortnight.after(d("2026-11-02")), d("2026-11-16"));
        assert_eq!(
            Recurrence::every(10, Unit::Days).after(d("2026-11-25")),
            d("2026-12-05")
        );
    }

    #[test]
    fn the_next_occurrence_is_never_before_today_and_missed_ones_are_counted() {
        // Weekly, due 11-11, done on 11-22: 11-18 was missed, the next is 11-25.
        let (next, missed) =
            Recurrence::WEEKLY.next(d("2026-11-11"), d("2026-11-22"), d("2026-11-22"));
        assert_eq!((next, missed), (d("2026-11-25"), 1));
        // Done on time: the next one, nothing missed.
        let (next, missed) =
            Recurrence::WEEKLY.next(d("2026-11-11"), d("2026-11-11"), d("2026-11-11"));
        assert_eq!((next, missed), (d("2026-11-18"), 0));
        // Done early: the rhythm keeps to the due date.
        let (next, _) = Recurrence::WEEKLY.next(d("2026-11-11"), d("2026-11-09"), d("2026-11-09"));
        assert_eq!(next, d("2026-11-18"));
        // Landing on today is fine (on or after).
        let (next, missed) =
            Recurrence::WEEKLY.next(d("2026-11-11"), d("2026-11-18"), d("2026-11-18"));
        assert_eq!((next, missed), (d("2026-11-18"), 0));
    }

    #[test]
    fn after_done_counts_from_the_day_it_was_done() {
        let rule = Recurrence::parse("every 10 days after done").unwrap();
        let (next, missed) = rule.next(d("2026-11-01"), d("2026-11-20"), d("2026-11-20"));
        assert_eq!((next, missed), (d("2026-11-30"), 0));
    }

    #[test]
    fn written_and_read_as_plain_words() {
        for text in [
            "weekly",
            "monthly",
            "daily",
            "every 2 weeks",
            "every 3 months",
            "every 10 days after done",
            "weekly after done",
        ] {
            let rule = Recurrence::parse(text).unwrap();
            assert_eq!(rule.to_string(), text);
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(serde_json::from_str::<Recurrence>(&json).unwrap(), rule);
        }
        assert_eq!(
            Recurrence::parse(" Every 2 Week "),
            Some(Recurrence::every(2, Unit::Weeks))
        );
        assert_eq!(
            Recurrence::parse("fortnightly"),
            Some(Recurrence::every(2, Unit::Weeks))
        );
        for bad in [
            "",
            "every",
            "every 0 days",
            "every -1 weeks",
            "every 2 fortnights",
            "every 99999 days",
            "nan",
        ] {
            assert_eq!(Recurrence::parse(bad), None, "{bad}");
        }
        assert!(serde_json::from_str::<Recurrence>("\"hourly\"").is_err());
    }

    #[test]
    fn monthly_keeps_the_day_or_the_months_end() {
        let m = Recurrence::MONTHLY;
        assert_eq!(m.after(d("2027-01-31")), d("2027-02-28"));
        assert_eq!(
            m.after(d("2027-02-28")),
            d("2027-03-31"),
            "a month's end stays the end"
        );
        assert_eq!(m.after(d("2027-03-15")), d("2027-04-15"));
        assert_eq!(m.after(d("2027-12-31")), d("2028-01-31"));
        assert_eq!(m.after(d("2028-01-31")), d("2028-02-29"), "a leap year");
        assert_eq!(m.before(d("2027-03-31")), d("2027-02-28"));
        assert_eq!(m.before(d("2027-04-15")), d("2027-03-15"));
        assert_eq!(Recurrence::WEEKLY.before(d("2027-01-08")), d("2027-01-01"));
    }

    #[test]
    fn fortnights_and_other_weeks_are_understood() {
        for words in [
            "every fortnight",
            "biweekly",
            "every other week",
            "Fortnightly",
        ] {
            assert_eq!(
                Recurrence::parse(words),
                Some(Recurrence::every(2, Unit::Weeks)),
                "{words}"
            );
        }
        assert_eq!(
            Recurrence::parse("every other week after done").map(|r| r.from),
            Some(From::Done)
        );
        assert_eq!(
            Recurrence::parse("quarterly"),
            Some(Recurrence::every(3, Unit::Months))
        );
    }

    #[test]
    fn counting_and_rewinding_agree_with_stepping() {
        let rules = [
            Recurrence::WEEKLY,
            Recurrence::MONTHLY,
            Recurrence::every(3, Unit::Months),
            Recurrence::every(10, Unit::Days),
        ];
        for rule in rules {
            for first in ["2027-01-31", "2027-01-15", "2027-02-28", "2026-12-30"] {
                let first = d(first);
                let mut at = first;
                let mut stepped = 0;
                for end in (0..800).map(|k| first + chrono::Days::new(k)) {
                    while at <= end {
                        stepped += 1;
                        at = rule.after(at);
                    }
                    assert_eq!(
                        rule.count_until(first, end),
                        stepped,
                        "{rule} {first} {end}"
                    );
                }
                let mut back = first;
                for times in 0..30 {
                    assert_eq!(rule.rewind(first, times), back, "{rule} {first} {times}");
                    back = rule.before(back);
                }
            }
        }
    }
}
