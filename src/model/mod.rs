//! The domain: one `Plan` document holding goals, milestones, steps, reviews and the profile,
//! plus the rules that read it. Pure data and pure functions: no terminal, no files, no clock
//! (today's date is always passed in). Layered with no import circle (`tests/layers.rs`):
//! ids, limits, text and dates at the bottom; the records and the plan above them; the edits
//! (`ops`, `entry_edits`, `done`, `edits`) and the rules on top.

pub mod adapt;
pub mod agenda;
pub mod check;
pub mod coach;
pub mod conflict;
pub mod dates;
pub mod done;
pub mod edits;
pub mod entries;
pub mod entry_edits;
pub mod feed;
pub mod goal;
pub mod ids;
pub mod items;
pub mod journey;
pub mod limits;
pub mod lived;
pub mod loc;
pub mod measure;
pub mod merge;
pub mod merge3;
pub mod ops;
pub mod plan;
pub mod practice;
pub mod priority;
pub mod profile;
pub mod progress;
pub mod repeat;
pub mod review;
pub mod reviewing;
pub mod revisions;
pub mod settle;
pub mod smart;
pub mod standing;
pub mod stepback;
pub mod stepping_back;
pub mod text;
pub mod timeline;
pub mod view;
pub mod weekly;

pub use conflict::{Choice, Conflict, ConflictKind};
pub use goal::{
    Adaptation, Barrier, BarrierHit, BarrierStatus, CheckIn, Extra, Goal, GoalStatus, Horizon,
    Measure, Point, Resource, ResourceKind,
};
pub use ids::{IdSource, ItemId, Num};
pub use items::{ActionStep, ItemKind, Milestone, Recurrence};
pub use loc::Loc;
pub use ops::{History, Node, Op, OpError};
pub use plan::{Plan, SCHEMA_VERSION};
pub use profile::Profile;
pub use review::WeeklyReview;
