//! Reading dates the way people type them: `2027-03-31`, `15 Jan 2027`, `Jan 15, 2027`,
//! `15.01.2027`, `today`, `yesterday`, `tomorrow`, `+3d`, `-2w`, `+1m`, `fri`, `eow`, `eom`,
//! `next week`, `next month`. Today is passed in.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::fmt;

/// A date the parser could not read, with the text that was typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a date: try 2027-03-31, 15 Jan 2027, yesterday, +3d, -2w, +1m, fri, \
             eow, eom or next month",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

/// What the date field accepts, for help texts.
pub const DATE_FORMS: &str = "YYYY-MM-DD, 15 Jan 2027, today, yesterday, tomorrow, +3d, -2w, \
+1m, mon…sun, eow, eom, next week, next month";

/// The written forms of a full date read besides ISO: day month year and month day year,
/// with the month's name or its first three letters, and day.month.year.
const WRITTEN: [&str; 7] = [
    "%d %b %Y",
    "%d %B %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%a %d %b %Y",
];

/// Parses `input` relative to `today`. Weekday names mean the next such day after today.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_any_date(input, today)
        .filter(|d| super::limits::date_in_range(*d))
        .ok_or_else(|| DateError(input.trim().to_string()))
}

fn parse_any_date(input: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = input.trim().to_lowercase();
    if let Ok(date) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Some(date);
    }
    let written = text.replace(',', " ");
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(date) = WRITTEN
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&written, f).ok())
    {
        return Some(date);
    }
    if let Some(offset) = text.strip_prefix('+') {
        return parse_offset(offset, today, false);
    }
    if let Some(offset) = text.strip_prefix('-') {
        return parse_offset(offset, today, true);
    }
    if let Some(day) = parse_weekday(&text) {
        return Some(next_weekday(today, day));
    }
    named_date(&text, today)
}

fn named_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let start_of_next_week = next_weekday(today, Weekday::Mon);
    match text {
        "today" | "tod" => Some(today),
        "yesterday" => today.pred_opt(),
        "tomorrow" | "tom" => today.checked_add_days(Days::new(1)),
        "eow" | "end of week" => start_of_next_week.checked_sub_days(Days::new(1)),
        "eom" | "end of month" => Some(end_of_month(today)),
        "next week" => Some(start_of_next_week),
        "next month" => end_of_month(today).succ_opt(),
        "eoy" | "end of year" => NaiveDate::from_ymd_opt(today.year(), 12, 31),
        _ => None,
    }
}

/// `3d`, `2w`, `1m`, `1y` after today, or before it when `back`.
fn parse_offset(offset: &str, today: NaiveDate, back: bool) -> Option<NaiveDate> {
    let unit_at = offset.find(|c: char| !c.is_ascii_digit())?;
    let (count, unit) = offset.split_at(unit_at);
    let n: u32 = count.parse().ok()?;
    let (days, months) = match unit {
        "d" => (u64::from(n), 0),
        "w" => (u64::from(n) * 7, 0),
        "m" => (0, n),
        "y" => (0, n.checked_mul(12)?),
        _ => return None,
    };
    if back {
        today
            .checked_sub_days(Days::new(days))?
            .checked_sub_months(Months::new(months))
    } else {
        today
            .checked_add_days(Days::new(days))?
            .checked_add_months(Months::new(months))
    }
}

fn parse_weekday(text: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if text.len() < 3 {
        return None;
    }
    DAYS.iter()
        .find(|(name, _)| name.starts_with(text))
        .map(|&(_, day)| day)
}

/// The first `day` strictly after `today`.
pub fn next_weekday(today: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (day.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    plus_days(today, ahead.into())
}

/// `date` plus `days`, or the last date chrono knows when that is beyond it. Date sums never
/// panic, however large a hand-edited interval is.
pub fn plus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `days`, or the first date chrono knows when that is before it.
pub fn minus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

/// Parses an optional date: blank text means no date.
pub fn parse_optional_date(input: &str, today: NaiveDate) -> Result<Option<NaiveDate>, DateError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(input, today).map(Some)
    }
}

/// Whether something dated `date` and not `done` is overdue on `today` (its day has gone by;
/// due today is not overdue). The one rule every screen and the review use.
pub fn is_overdue(date: Option<NaiveDate>, done: bool, today: NaiveDate) -> bool {
    !done && date.is_some_and(|d| d < today)
}

/// The last day of the month `date` falls in.
pub fn end_of_month(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    #[test]
    fn overdue_means_the_day_has_gone_by_and_it_is_not_done() {
        let today = d("2026-11-21");
        assert!(is_overdue(Some(d("2026-11-20")), false, today));
        assert!(
            !is_overdue(Some(d("2026-11-21")), false, today),
            "due today is not late"
        );
        assert!(!is_overdue(Some(d("2026-11-20")), true, today));
        assert!(!is_overdue(None, false, today));
    }

    use super::*;

    #[test]
    fn end_of_month_handles_leap_years() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(end_of_month(d("2028-02-10")), d("2028-02-29"));
        assert_eq!(end_of_month(d("2026-12-31")), d("2026-12-31"));
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    // A Wednesday.
    fn today() -> NaiveDate {
        d("2026-11-18")
    }

    fn p(s: &str) -> NaiveDate {
        parse_date(s, today()).unwrap()
    }

    #[test]
    fn date_sums_saturate_instead_of_panicking() {
        let today = d("2026-11-22");
        assert_eq!(plus_days(today, u64::from(u32::MAX)), NaiveDate::MAX);
        assert_eq!(minus_days(today, u64::MAX), NaiveDate::MIN);
        assert_eq!(plus_days(today, 8), d("2026-11-30"));
        assert_eq!(next_weekday(NaiveDate::MAX, Weekday::Mon), NaiveDate::MAX);
        assert!(parse_date("+1y", NaiveDate::MAX).is_err());
        assert!(parse_date("9999-12-31", today).is_ok());
        assert!(parse_date("10000-01-01", today).is_err());
        assert!(parse_date("0999-12-31", today).is_err());
    }

    #[test]
    fn iso_and_words() {
        assert_eq!(p("2027-03-31"), d("2027-03-31"));
        assert_eq!(p(" Today "), today());
        assert_eq!(p("tomorrow"), d("2026-11-19"));
        assert_eq!(p("eow"), d("2026-11-22"));
        assert_eq!(p("eom"), d("2026-11-30"));
        assert_eq!(p("next week"), d("2026-11-23"));
        assert_eq!(p("next month"), d("2026-12-01"));
        assert_eq!(p("eoy"), d("2026-12-31"));
    }

    #[test]
    fn dates_as_people_write_them() {
        assert_eq!(p("15 Jan 2027"), d("2027-01-15"));
        assert_eq!(p("15 january 2027"), d("2027-01-15"));
        assert_eq!(p("Jan 15, 2027"), d("2027-01-15"));
        assert_eq!(p("15.01.2027"), d("2027-01-15"));
        assert_eq!(p("2027/01/15"), d("2027-01-15"));
        assert_eq!(p("Fri 15 Jan 2027"), d("2027-01-15"));
        assert_eq!(p("yesterday"), d("2026-11-17"));
        assert_eq!(p("-3d"), d("2026-11-15"));
        assert_eq!(p("-2w"), d("2026-11-04"));
        assert_eq!(p("-1m"), d("2026-10-18"));
        assert!(parse_date("31 Feb 2027", today()).is_err());
    }

    #[test]
    fn offsets() {
        assert_eq!(p("+3d"), d("2026-11-21"));
        assert_eq!(p("+2w"), d("2026-12-02"));
        assert_eq!(p("+1m"), d("2026-12-18"));
        assert_eq!(p("+1y"), d("2027-11-18"));
    }

    #[test]
    fn weekdays_mean_the_next_one() {
        assert_eq!(p("fri"), d("2026-11-20"));
        assert_eq!(p("Friday"), d("2026-11-20"));
        assert_eq!(p("wed"), d("2026-11-25"));
        assert_eq!(p("mon"), d("2026-11-23"));
    }

    #[test]
    fn bad_input_is_an_error_naming_the_text() {
        for bad in [
            "",
            "2026-02-30",
            "+d",
            "+3x",
            "fr",
            "someday",
            "+99999999999d",
        ] {
            let err = parse_date(bad, today()).unwrap_err();
            assert!(err.to_string().contains("is not a date"), "{bad}");
        }
    }

    #[test]
    fn blank_optional_date_is_none() {
        assert_eq!(parse_optional_date("  ", today()), Ok(None));
        assert_eq!(
            parse_optional_date("+1d", today()),
            Ok(Some(d("2026-11-19")))
        );
    }
}
