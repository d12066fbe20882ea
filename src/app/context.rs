//! What every view reads: the corpus, the engine's findings, the settings and the screen size.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::Settings;
use super::ids::{DocId, PassageId};
use crate::corpus::{Corpus, Document};
use crate::reuse::{Passage, Report};

/// The shared context of the views. Views change their own state only; this changes on a
/// resize or a setting.
#[derive(Debug)]
pub struct Context {
    /// The corpus being read (shared with a scan running in the background).
    pub corpus: Arc<Corpus>,
    /// The engine's findings.
    pub report: Report,
    /// The reader's settings.
    pub settings: Settings,
    /// The terminal area last reported.
    pub area: Rect,
}

impl Context {
    /// Document `doc`.
    pub fn document(&self, doc: DocId) -> &Document {
        &self.corpus.documents[doc.0]
    }

    /// Passage `id`.
    pub fn passage(&self, id: PassageId) -> &Passage {
        &self.report.passages[id.0]
    }
}
