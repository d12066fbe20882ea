//! rehash finds the passages a set of articles share — verbatim, near-verbatim and rewritten —
//! and shows them side by side in the terminal, or prints them as JSON.
//!
//! The core (`text`, `corpus`, `reuse`, `diff`) never touches the terminal; `app` holds the
//! reader's state and `ui` draws it.

pub mod app;
pub mod cache;
pub mod cli;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod files;
pub mod generate;
pub mod passim;
pub mod reuse;
pub mod scan;
pub mod state;
pub mod terminal;
pub mod text;
pub mod tui;
pub mod ui;
