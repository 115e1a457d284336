//! The ranges a plan's numbers and dates must stay inside (amounts, weights, scales, the
//! years a date may fall in), named once, and reading a number typed by a person against
//! one. The bottom of the model: it needs nothing else in it.

use chrono::{Datelike, NaiveDate};

/// The bounds of a number a person can enter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

impl Range {
    /// Whether `v` is a finite number inside the bounds.
    pub fn holds(self, v: f64) -> bool {
        v.is_finite() && v >= self.min && v <= self.max
    }
}

/// A measure's start, current value and target, and a check-in's value.
pub const AMOUNT: Range = Range {
    min: -1e12,
    max: 1e12,
};
/// A goal's or milestone's weight among its siblings.
pub const WEIGHT: Range = Range {
    min: 0.0,
    max: 100.0,
};
/// Importance and urgency.
pub const LEVEL: Range = Range { min: 1.0, max: 3.0 };
/// Confidence in a check-in, and a career path's fit with the person's values.
pub const CONFIDENCE: Range = Range { min: 1.0, max: 5.0 };
/// Satisfaction with the current role.
pub const SATISFACTION: Range = Range {
    min: 1.0,
    max: 10.0,
};
/// Days between reviews of a goal.
pub const INTERVAL_DAYS: Range = Range {
    min: 1.0,
    max: 365.0,
};
/// Progress recorded in a review, as a share.
pub const SHARE: Range = Range { min: 0.0, max: 1.0 };
/// The years a date may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;
/// Whether a date is inside the years goalcoach keeps.
pub fn date_in_range(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// Parses a number typed at the command line or in a form: finite and inside `range`, or a
/// message saying what is accepted (`nan`, `inf` and `1e309` are refused).
pub fn parse_number(text: &str, range: Range) -> Result<f64, String> {
    let raw = text.trim().replace(',', "");
    match raw.parse::<f64>() {
        Ok(v) if range.holds(v) => Ok(v),
        _ => Err(format!(
            "'{}' is not a number from {} to {}",
            text.trim(),
            range.min,
            range.max
        )),
    }
}
