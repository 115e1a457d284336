//! What a merge could not decide alone: a field two devices changed differently (one value
//! stays in place, the other waits here), or an item one device deleted while the other
//! changed it (kept, waiting to be confirmed). The plan keeps the list until the person
//! chooses; choosing is an ordinary, undoable edit (`settle`, which also puts a conflict
//! into words).

use super::ids::{Extra, ItemId};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One open question left by a merge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conflict {
    /// The goal, milestone or step it is about; `None` for a review or the profile.
    pub item: Option<ItemId>,
    /// The week of the review it is about.
    pub review: Option<String>,
    /// The field, as keys joined by dots (`title`, `measure.current`); empty for a deletion.
    pub field: String,
    pub kind: ConflictKind,
    /// The value in place now.
    pub kept: Value,
    /// The other device's value (for a deletion: nothing).
    pub other: Value,
    /// The device whose value is in place, by its sync name; empty when not known (a copy
    /// merged by hand, a conflict from before devices had names).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub kept_on: String,
    /// The device the other value came from; empty when not known.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub other_on: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Conflict {
    fn default() -> Self {
        Conflict {
            item: None,
            review: None,
            field: String::new(),
            kind: ConflictKind::BothChanged,
            kept: Value::Null,
            other: Value::Null,
            kept_on: String::new(),
            other_on: String::new(),
            extra: Extra::new(),
        }
    }
}

/// How the two sides disagreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both changed the field, to different values.
    BothChanged,
    /// One side deleted the item, the other changed it; it was kept.
    DeletedElsewhere,
}

/// Which value the person keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The value in place (for a deletion: keep the item).
    Kept,
    /// The other device's value (for a deletion: delete the item).
    Other,
}

/// Who wrote each value of a conflict, in words for the person at `here` (this device's
/// sync name): "this computer" for theirs, the other device's name, or, when a side's device
/// is not known, "here" / "the other device".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sides {
    /// Who wrote the value in place.
    pub kept: String,
    /// Who wrote the waiting value.
    pub other: String,
}

impl Conflict {
    /// Who wrote each value, as seen from the device named `here`.
    pub fn sides(&self, here: &str) -> Sides {
        let name = |device: &str, unknown: &str| {
            if device.is_empty() {
                unknown.to_string()
            } else if device == here {
                "this computer".to_string()
            } else {
                device.to_string()
            }
        };
        Sides {
            kept: name(&self.kept_on, "here"),
            other: name(&self.other_on, "the other device"),
        }
    }
}
