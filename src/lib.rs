//! goalcoach: career goal planning in the terminal. The library holds everything; the binary
//! in `main.rs` only wires the command line to it.

pub mod app;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod export;
pub mod ics;
pub mod import;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod report;
pub mod sample;
pub mod store;
pub mod sync;
pub mod taskwarrior;
pub mod ui;
