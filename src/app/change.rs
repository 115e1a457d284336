//! A change to the plan on its way to the one commit path: the operation, the words the undo
//! history keeps, the item to select afterwards and what to tell the person.

use crate::model::{ItemId, Op};

/// One edit, as forms and actions build it and `Core::commit` applies it.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub op: Op,
    /// What undo and redo call it ("add goal “…”").
    pub label: String,
    /// The item to select once it is applied.
    pub select: Option<ItemId>,
    /// A message for the status line once it is applied.
    pub message: Option<String>,
    /// The reason for a change of course it makes (see `model::adapt`); empty: asked after.
    pub why: String,
}

impl Change {
    /// A change that selects nothing in particular and says nothing beyond the usual.
    pub fn new(op: Op, label: impl Into<String>) -> Change {
        Change {
            op,
            label: label.into(),
            select: None,
            message: None,
            why: String::new(),
        }
    }

    /// The same change, selecting `id` afterwards.
    pub fn selecting(self, id: ItemId) -> Change {
        Change {
            select: Some(id),
            ..self
        }
    }

    /// The same change, giving `why` as the reason for any change of course it makes.
    pub fn because(self, why: impl Into<String>) -> Change {
        Change {
            why: why.into(),
            ..self
        }
    }

    /// The same change, saying `message` once applied.
    pub fn saying(self, message: impl Into<String>) -> Change {
        Change {
            message: Some(message.into()),
            ..self
        }
    }
}
