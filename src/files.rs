//! Writing files safely: a temporary file beside the target, then a rename, so that a crash
//! never leaves a half-written file behind.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then renamed over `path`. Two writers at once each rename a whole file: the last one
/// wins, and no reader ever sees a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    Staged::write(path, bytes)?.commit()
}

/// The temporary files written and not yet renamed, for [`remove_staged`], and whether the
/// process is stopping (then no new one is started).
static STAGED: Mutex<(Vec<PathBuf>, bool)> = Mutex::new((Vec::new(), false));

/// Removes every temporary file written and not yet renamed, and refuses new ones: an
/// interrupted command leaves no half-written output behind.
pub fn remove_staged() {
    let staged = STAGED.lock().map(|mut s| {
        s.1 = true;
        std::mem::take(&mut s.0)
    });
    for path in staged.unwrap_or_default() {
        let _ = std::fs::remove_file(path);
    }
}

fn forget_staged(path: &Path) {
    if let Ok(mut staged) = STAGED.lock() {
        staged.0.retain(|p| p != path);
    }
}

/// Suffix of the temporary files [`write_atomic`] writes before renaming them.
pub const TEMPORARY_SUFFIX: &str = ".tmp";

/// A file written whole beside its target, not yet renamed over it; dropped uncommitted, it
/// is removed.
#[derive(Debug)]
pub struct Staged {
    temporary: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staged {
    /// Writes `bytes` to a temporary file beside `path`, flushed to disk.
    pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<Self> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
        let unique = NEXT.fetch_add(1, Ordering::Relaxed);
        let temporary = folder.join(format!(
            ".{name}.{}-{unique}{TEMPORARY_SUFFIX}",
            std::process::id()
        ));
        // Registered and created under the lock, so that an interruption either sees the file
        // and removes it, or stops it from being created.
        let created = match STAGED.lock() {
            Ok(staged) if staged.1 => Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "interrupted",
            )),
            Ok(mut staged) => {
                staged.0.push(temporary.clone());
                std::fs::File::create(&temporary)
            }
            Err(_) => std::fs::File::create(&temporary),
        };
        let written = created.and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temporary);
            forget_staged(&temporary);
            return Err(e);
        }
        Ok(Self {
            temporary,
            target: path.to_owned(),
            committed: false,
        })
    }

    /// Renames the temporary file over its target.
    pub fn commit(mut self) -> std::io::Result<()> {
        let renamed = std::fs::rename(&self.temporary, &self.target);
        // Renamed or not, the temporary file is done with: `drop` removes what is left.
        self.committed = renamed.is_ok();
        renamed
    }

    /// Where the temporary file is (a crash before [`Staged::commit`] leaves it there).
    pub fn temporary(&self) -> &Path {
        &self.temporary
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temporary);
        }
        forget_staged(&self.temporary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_and_no_temporary_is_left() {
        let dir = std::env::temp_dir().join(format!("rehash-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let path = dir.join("out.xml");
        write_atomic(&path, b"first").unwrap_or_default();
        write_atomic(&path, b"second").unwrap_or_default();
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"second");
        let left: Vec<_> = std::fs::read_dir(&dir)
            .map(Iterator::count)
            .into_iter()
            .collect();
        assert_eq!(left, [1], "only the file itself");
        assert!(write_atomic(&dir.join("no/such/folder/x"), b"x").is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_crash_between_the_write_and_the_rename_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("state.toml");
        write_atomic(&path, b"old = true").expect("first write");
        let staged = Staged::write(&path, b"new = tr").expect("staged");
        let temporary = staged.temporary().to_owned();
        // The process dies here: the rename never happens.
        std::mem::forget(staged);
        assert_eq!(std::fs::read(&path).expect("target"), b"old = true");
        assert!(temporary.exists());
        assert!(temporary.to_string_lossy().ends_with(TEMPORARY_SUFFIX));
    }
}
