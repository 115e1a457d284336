//! A change to the plan on its way to the one commit path: the model's `Edit` (the
//! operation, the words the undo history keeps, what to tell the person), the item to select
//! afterwards and the reason for a change of course it makes.

use crate::model::edits::Edit;
use crate::model::{ItemId, Op};

/// One edit, as forms and actions build it and `Core::commit` applies it.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub edit: Edit,
    /// The item to select once it is applied.
    pub select: Option<ItemId>,
    /// The reason for a change of course it makes (see `model::adapt`); empty: asked after.
    pub why: String,
}

impl From<Edit> for Change {
    fn from(edit: Edit) -> Change {
        Change {
            edit,
            select: None,
            why: String::new(),
        }
    }
}

impl Change {
    /// A change that selects nothing in particular and says nothing beyond the usual.
    pub fn new(op: Op, label: impl Into<String>) -> Change {
        Change::from(Edit {
            op,
            label: label.into(),
            note: None,
        })
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
    pub fn saying(mut self, message: impl Into<String>) -> Change {
        self.edit.note = Some(message.into());
        self
    }
}
