//! One item of the goal tree with its children, as ops carry it.

use crate::model::goal::Goal;
use crate::model::ids::ItemId;
use crate::model::items::{ActionStep, ItemKind, Milestone};

/// One item of the goal tree, with its children.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Goal(Box<Goal>),
    Milestone(Box<Milestone>),
    Step(Box<ActionStep>),
}

impl Node {
    /// The node's id.
    pub fn id(&self) -> ItemId {
        match self {
            Node::Goal(g) => g.id,
            Node::Milestone(m) => m.id,
            Node::Step(s) => s.id,
        }
    }

    /// The node's title.
    pub fn title(&self) -> &str {
        match self {
            Node::Goal(g) => &g.title,
            Node::Milestone(m) => &m.title,
            Node::Step(s) => &s.title,
        }
    }

    /// The node's kind.
    pub fn kind(&self) -> ItemKind {
        match self {
            Node::Goal(_) => ItemKind::Goal,
            Node::Milestone(_) => ItemKind::Milestone,
            Node::Step(_) => ItemKind::Step,
        }
    }
}
