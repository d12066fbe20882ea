//! rehash finds the passages a set of articles share — verbatim, near-verbatim and rewritten —
//! and shows them side by side in the terminal, or prints them as JSON.
//!
//! The core (`text`, `corpus`, `reuse`, `diff`) never touches the terminal; `app` holds the
//! reader's state and `ui` draws it.

pub mod cli;
pub mod commands;
pub mod corpus;
pub mod diff;
pub mod generate;
pub mod reuse;
pub mod scan;
pub mod text;
