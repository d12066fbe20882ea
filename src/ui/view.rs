//! One module per view: each draws its view's state and nothing else.

pub mod compare;
pub mod find;
pub mod heat;
pub mod library;
pub mod passages;
