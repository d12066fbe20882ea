//! The remembered place of each corpus, in the platform state folder (`$XDG_STATE_HOME/rehash`
//! on Linux): one small TOML file per corpus, named by its identity (see
//! [`crate::cache::corpus_key`]), written atomically when the reader quits. Two readers on one
//! corpus each write a whole file; the last to quit wins.

use std::path::{Path, PathBuf};

use crate::app::Place;
use crate::files::write_atomic;

/// The platform state folder of rehash, if there is one (on systems without a state folder,
/// the local data folder).
pub fn default_dir() -> Option<PathBuf> {
    crate::config::project_dirs().map(|d| {
        d.state_dir()
            .map_or_else(|| d.data_local_dir().to_owned(), Path::to_owned)
    })
}

/// Where the places of corpora are kept, each of them as a file.
#[derive(Debug, Clone)]
pub struct Places {
    dir: PathBuf,
}

impl Places {
    /// Places kept in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join("places").join(format!("{key}.toml"))
    }

    /// The place remembered for the corpus `key`. A missing file is no place; a damaged one
    /// is no place too, with a notice saying so.
    pub fn load(&self, key: &str) -> (Option<Place>, Option<String>) {
        let path = self.file(key);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
            Err(e) => return (None, Some(format!("remembered place unreadable: {e}"))),
        };
        match toml::from_str(&text) {
            Ok(place) => (Some(place), None),
            Err(e) => (
                None,
                Some(format!(
                    "remembered place unreadable ({}), starting afresh",
                    e.message().trim_end()
                )),
            ),
        }
    }

    /// Remembers `place` for the corpus `key`.
    pub fn save(&self, key: &str, place: &Place) -> std::io::Result<()> {
        let path = self.file(key);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let text = toml::to_string(place).map_err(std::io::Error::other)?;
        write_atomic(&path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::PairPlace;

    fn place() -> Place {
        Place {
            view: "compare".into(),
            sort: "words".into(),
            selected: Some("news/a.txt".into()),
            library_filter: "outlet:tass".into(),
            passages_filter: String::new(),
            pair: Some(PairPlace {
                left: "news/a.txt".into(),
                right: "news/b.txt".into(),
                left_top: 120,
                right_top: 0,
                passage: Some((130, 12)),
                right_focused: true,
            }),
            passages: Some(crate::app::PassagesPlace {
                id: "news/b.txt".into(),
                start: 40,
                occurrence: Some(("news/a.txt".into(), 7)),
            }),
            heat: Some(crate::app::HeatPlace {
                folded: true,
                row: "tass".into(),
                column: "cnn".into(),
            }),
        }
    }

    #[test]
    fn a_saved_place_loads_back() {
        let dir = tempfile::tempdir().expect("folder");
        let places = Places::new(dir.path());
        assert_eq!(places.load("k"), (None, None));
        places.save("k", &place()).expect("saved");
        assert_eq!(places.load("k"), (Some(place()), None));
        assert_eq!(places.load("other"), (None, None));
    }

    #[test]
    fn a_damaged_place_is_no_place_with_a_notice() {
        let dir = tempfile::tempdir().expect("folder");
        let places = Places::new(dir.path());
        places.save("k", &place()).expect("saved");
        let file = places.file("k");
        let text = std::fs::read_to_string(&file).expect("read");
        std::fs::write(&file, &text[..text.len() / 2]).expect("cut");
        let (found, notice) = places.load("k");
        assert_eq!(found, None);
        assert!(notice.is_some_and(|n| n.contains("starting afresh")));
        // Fields of another version are passed over, missing ones take their defaults.
        std::fs::write(&file, "view = \"heat\"\nzoom = 3\n").expect("written");
        let (found, _) = places.load("k");
        assert_eq!(found.map(|p| p.view), Some("heat".to_owned()));
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("folder");
        let blocked = dir.path().join("state");
        std::fs::write(&blocked, "a file, not a folder").expect("file");
        assert!(Places::new(&blocked).save("k", &place()).is_err());
    }
}
