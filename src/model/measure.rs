//! A goal's key results: each measure with its start, current value, target, kind (leading
//! or lagging), weight and the values it had on each day.

use super::ids::Extra;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A key result: a number that shows progress ("direct reports 0 → 5", "1:1s held 0 → 12").
/// A goal holds several; *leading* ones are inputs the person controls, *lagging* ones the
/// result they lead to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Measure {
    /// Tells the measure apart from the goal's others when two copies of the plan are merged:
    /// random for a new one (as item ids are), 1 for the one a schema-2 goal had.
    pub id: u64,
    pub name: String,
    pub unit: String,
    pub start: f64,
    pub current: f64,
    pub target: f64,
    /// An input the person controls (lagging when false: the result).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub leading: bool,
    /// How much it counts in the goal's progress among the goal's measures.
    pub weight: f64,
    /// The values recorded at check-ins, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Measure {
    fn default() -> Self {
        Measure {
            id: 0,
            name: String::new(),
            unit: String::new(),
            start: 0.0,
            current: 0.0,
            target: 0.0,
            leading: false,
            weight: 1.0,
            points: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl Measure {
    /// A measure called `name` from `start` to `target`, its current value at the start.
    pub fn new(name: &str, unit: &str, start: f64, target: f64) -> Measure {
        Measure {
            name: name.to_string(),
            unit: unit.to_string(),
            start,
            current: start,
            target,
            ..Measure::default()
        }
    }

    /// "leading" or "lagging".
    pub fn kind_label(&self) -> &'static str {
        if self.leading { "leading" } else { "lagging" }
    }

    /// What the measure is called where it is shown: its name, else its unit, else "measure".
    pub fn label(&self) -> &str {
        [self.name.as_str(), self.unit.as_str()]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .unwrap_or("measure")
    }

    /// Records `value` as the current one, and as a point on `date` (replacing a point of the
    /// same day).
    pub fn record(&mut self, date: NaiveDate, value: f64) {
        self.current = value;
        self.points.retain(|p| p.date != date);
        self.points.push(Point { date, value });
        self.points.sort_by_key(|p| p.date);
    }
}

/// A measure's value on a day.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Point {
    pub date: NaiveDate,
    pub value: f64,
}
