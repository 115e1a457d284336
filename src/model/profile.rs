//! The career profile around the goals: role, strengths, values, SWOT, achievements, feedback
//! and career paths. Data only.

use super::goal::Extra;
use super::ids::ItemId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A strength or a growth area, with what shows it and how to use or develop it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Quality {
    pub name: String,
    pub evidence: String,
    /// How to use it (a strength) or develop it (a growth area).
    pub plan: String,
}

/// A value or an interest, with a note on what it means to the person.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Named {
    pub name: String,
    pub note: String,
}

/// Strengths, weaknesses, opportunities and threats, one line each.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Swot {
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
}

/// An entry of the achievements log ("brag document").
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Achievement {
    pub date: NaiveDate,
    pub what: String,
    pub evidence: String,
    pub strengths: Vec<String>,
    pub goal: Option<ItemId>,
    /// The milestone or step this achievement was promoted from.
    pub source: Option<ItemId>,
}

/// Something a mentor, manager or peer said.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Feedback {
    pub date: NaiveDate,
    pub from: String,
    pub what: String,
    pub goal: Option<ItemId>,
    /// The action step this feedback was turned into.
    pub step: Option<ItemId>,
}

/// An alternative career path being weighed.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CareerPath {
    pub name: String,
    pub why: String,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
    pub skills_gap: Vec<String>,
    /// How well it fits the person's values, 1 to 5.
    pub values_fit: Option<u8>,
    pub first_experiment: String,
    /// The goal made from the first experiment.
    pub goal: Option<ItemId>,
}

/// Who the person is at work and where they might go.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub current_role: String,
    /// How satisfied with the current role, 1 to 10.
    pub satisfaction: Option<u8>,
    pub keep: String,
    pub change: String,
    pub strengths: Vec<Quality>,
    pub growth_areas: Vec<Quality>,
    pub values: Vec<Named>,
    pub interests: Vec<Named>,
    pub swot: Swot,
    pub achievements: Vec<Achievement>,
    pub feedback: Vec<Feedback>,
    pub paths: Vec<CareerPath>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Profile {
    /// Whether nothing has been written in the profile yet.
    pub fn is_empty(&self) -> bool {
        self.current_role.is_empty()
            && self.strengths.is_empty()
            && self.growth_areas.is_empty()
            && self.values.is_empty()
            && self.interests.is_empty()
            && self.swot == Swot::default()
            && self.achievements.is_empty()
            && self.feedback.is_empty()
            && self.paths.is_empty()
    }
}
