//! Writing files safely: a temporary file beside the target, then a rename, so that a crash
//! never leaves a half-written file behind.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(e);
    }
    Ok(())
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
}
