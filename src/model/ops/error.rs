//! Why an op could not be applied, in words a person can read.

use crate::model::ids::ItemId;
use crate::model::items::ItemKind;
use std::fmt;

/// Why an operation could not be applied; the plan is left as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpError {
    NotFound(ItemId),
    DuplicateId(ItemId),
    /// The node cannot sit under that parent (a goal under a step, say).
    WrongParent {
        child: ItemKind,
        parent: Option<ItemKind>,
    },
    NoSuchReview(String),
    /// The conflict is gone, or its value no longer fits the field.
    NoSuchConflict,
    /// The edit would put a value out of its range into the plan.
    OutOfRange(String),
}

impl fmt::Display for OpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpError::NotFound(_) => write!(f, "that item is no longer in the plan"),
            OpError::DuplicateId(_) => write!(f, "an item with that id is already in the plan"),
            OpError::WrongParent { child, parent } => match parent {
                Some(p) => write!(f, "a {} cannot go under a {}", child.label(), p.label()),
                None => write!(f, "a {} needs a parent", child.label()),
            },
            OpError::NoSuchReview(week) => write!(f, "there is no review for {week}"),
            OpError::NoSuchConflict => write!(f, "that choice no longer applies to the plan"),
            OpError::OutOfRange(problem) => write!(f, "{problem}"),
        }
    }
}

impl std::error::Error for OpError {}
