//! Writing an export's file: a new temporary file in the target's directory (exclusive, random name,
//! owner-only), written through the handle that created it and renamed over the target when complete;
//! a device or a named pipe written in place; standard output. Nothing here follows a symbolic link to
//! a regular file, and a failed export leaves no file behind.

use crate::export::{ExportError, Format, Output};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name for `target`: `.name.<random>.tmp` next to it, so the final rename stays on one file
/// system and nobody can guess the name in advance (a process id can be guessed).
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", uuid::Uuid::now_v7().simple()))
}

/// Creates the temporary file for `target`, new and empty (`O_CREAT | O_EXCL`: never through a symbolic
/// link, never over an existing file) and readable by its owner only (exports hold personal data and
/// the names of officers), and returns it open with its name; another name is tried on a collision.
/// The file is written through this handle, never opened again by name.
fn create_temp(target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut last = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
    for _ in 0..8 {
        let temp = temp_path(target);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// What `deliver` hands the writing closure: the destination, already open.
pub(crate) struct Sink {
    /// The new temporary file, or the device or pipe opened in place; `None` for standard output
    /// (and once taken).
    file: Option<std::fs::File>,
    stdout: bool,
    /// The name people see in messages: the target, never the temporary name.
    shown: PathBuf,
    /// The target's directory (XLSX keeps its scratch files there).
    dir: PathBuf,
}

impl Sink {
    /// The target's name, for messages.
    pub(crate) fn shown(&self) -> PathBuf {
        self.shown.clone()
    }

    /// The target's directory.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn is_stdout(&self) -> bool {
        self.stdout
    }

    /// The open file, for writers that want it whole (XLSX); `None` for standard output.
    pub(crate) fn take_file(&mut self) -> Option<std::fs::File> {
        self.file.take()
    }
}

/// A buffered writer to the sink: its open file, or standard output.
pub(crate) fn open_output(sink: &mut Sink) -> std::io::Result<Box<dyn Write>> {
    Ok(match sink.file.take() {
        Some(f) => Box::new(std::io::BufWriter::new(f)),
        None if sink.stdout => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        None => return Err(std::io::Error::other("the export's file was already taken")),
    })
}

/// The directory a path lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// How a target is written.
enum Dest<'a> {
    Stdout,
    /// A device or a named pipe (or a link to one, like `/dev/stdout`): opened and written in place.
    InPlace(&'a Path),
    /// A regular file: a new temporary file renamed over it when complete.
    Renamed(&'a Path),
}

/// Decides how `output` is written, without following a symbolic link to a regular file.
fn destination<'a>(output: Output<'a>) -> Result<Dest<'a>, ExportError> {
    let (path, replace) = match output {
        Output::Stdout => return Ok(Dest::Stdout),
        Output::File(p) => (p, false),
        Output::Replace(p) => (p, true),
    };
    if path.as_os_str() == "-" || path == Path::new("/dev/stdout") {
        return Ok(Dest::Stdout);
    }
    let exists = || ExportError::TargetExists(path.to_path_buf());
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Dest::Renamed(path)),
        Err(e) => Err(ExportError::Write(path.to_path_buf(), e)),
        Ok(m) if m.is_dir() => Err(ExportError::Write(
            path.to_path_buf(),
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        )),
        Ok(m) if m.is_file() => {
            if replace {
                Ok(Dest::Renamed(path))
            } else {
                Err(exists())
            }
        }
        Ok(m) if m.file_type().is_symlink() => match std::fs::metadata(path) {
            // A link to a device or a pipe: written in place, like the device itself.
            Ok(t) if !t.is_file() && !t.is_dir() => Ok(Dest::InPlace(path)),
            // A link to a file or a dangling one: only ever replaced itself, when asked.
            _ if replace => Ok(Dest::Renamed(path)),
            _ => Err(exists()),
        },
        // A character or block device, a named pipe, a socket.
        Ok(_) => Ok(Dest::InPlace(path)),
    }
}

/// Writes through `write` into the target (see [`Output`]): a temporary file created new next to a
/// regular target (see [`create_temp`]) and renamed when complete, a device or pipe in place, or
/// standard output; a failed export leaves no file behind.
pub(crate) fn deliver(
    format: Format,
    output: Output<'_>,
    write: impl FnOnce(&mut Sink) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    let dest = destination(output)?;
    if format == Format::Xlsx && matches!(dest, Dest::Stdout) {
        return Err(ExportError::XlsxToStdout);
    }
    let (mut sink, temp, target) = match dest {
        Dest::Stdout => (
            Sink {
                file: None,
                stdout: true,
                shown: PathBuf::new(),
                dir: PathBuf::from("."),
            },
            None,
            None,
        ),
        Dest::InPlace(p) => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(p)
                .map_err(|e| ExportError::Write(p.to_path_buf(), e))?;
            let sink = Sink {
                file: Some(file),
                stdout: false,
                shown: p.to_path_buf(),
                dir: std::env::temp_dir(),
            };
            (sink, None, Some(p))
        }
        Dest::Renamed(p) => {
            let (temp, file) =
                create_temp(p).map_err(|e| ExportError::Write(p.to_path_buf(), e))?;
            let sink = Sink {
                file: Some(file),
                stdout: false,
                shown: p.to_path_buf(),
                dir: parent_dir(p).to_path_buf(),
            };
            (sink, Some(temp), Some(p))
        }
    };
    let result = write(&mut sink);
    drop(sink);
    match (&result, target, &temp) {
        (Ok(_), Some(target), Some(temp)) => {
            if let Err(e) = std::fs::rename(temp, target) {
                let _ = std::fs::remove_file(temp);
                return Err(ExportError::Write(target.to_path_buf(), e));
            }
        }
        (Err(_), _, Some(temp)) => {
            let _ = std::fs::remove_file(temp);
        }
        _ => {}
    }
    result.map_err(|e| match e {
        ExportError::Write(_, io) => {
            ExportError::Write(target.map(Path::to_path_buf).unwrap_or_default(), io)
        }
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_files_sit_next_to_the_target() {
        let t = temp_path(Path::new("/srv/out/企业.csv"));
        assert_eq!(t.parent(), Some(Path::new("/srv/out")));
        assert!(
            t.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".企业.csv."))
        );
    }

    /// A symbolic link planted at the old, guessable temporary name (`.NAME.<pid>.tmp`) is neither
    /// written through nor renamed into place (issue 22, case 2).
    #[test]
    fn a_planted_link_at_the_old_temp_name_is_not_followed() {
        #![allow(clippy::expect_used)]
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep").expect("write victim");
        let target = dir.path().join("out.csv");
        let planted = dir
            .path()
            .join(format!(".out.csv.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).expect("symlink");
        let n = deliver(Format::Csv, Output::File(&target), |sink| {
            let mut out = open_output(sink).map_err(|e| ExportError::Write(PathBuf::new(), e))?;
            out.write_all(b"new")
                .and_then(|()| out.flush())
                .map_err(|e| ExportError::Write(PathBuf::new(), e))?;
            Ok(1)
        })
        .expect("deliver");
        assert_eq!(n, 1);
        assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "keep");
        let meta = std::fs::symlink_metadata(&target).expect("target");
        assert!(meta.file_type().is_file(), "out.csv must be a regular file");
        assert_eq!(std::fs::read_to_string(&target).expect("target"), "new");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 3, "no temporary file left behind: {left:?}");
    }

    fn write_text(output: Output<'_>, text: &'static str) -> Result<u64, ExportError> {
        deliver(Format::Csv, output, |sink| {
            let mut out = open_output(sink).map_err(|e| ExportError::Write(PathBuf::new(), e))?;
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| ExportError::Write(PathBuf::new(), e))?;
            Ok(1)
        })
    }

    /// Issue 22, case 10: an existing file is never silently overwritten; replacing it must be asked
    /// for, and the new file is the owner's only.
    #[test]
    fn an_existing_file_is_replaced_only_when_asked_and_ends_owner_only() {
        #![allow(clippy::expect_used)]
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old").expect("write");
        assert!(matches!(
            write_text(Output::File(&target), "new"),
            Err(ExportError::TargetExists(p)) if p == target
        ));
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
        write_text(Output::Replace(&target), "new").expect("replace");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        let mode = std::fs::metadata(&target)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    /// Issue 22, case 2: a symbolic link at the target (to a file, or dangling) is refused, and when
    /// replacing is asked for the link itself is replaced: what it points to is never written.
    #[test]
    fn a_link_at_the_target_is_never_written_through() {
        #![allow(clippy::expect_used)]
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep").expect("write victim");
        let link = dir.path().join("out.csv");
        std::os::unix::fs::symlink(&victim, &link).expect("symlink");
        assert!(matches!(
            write_text(Output::File(&link), "new"),
            Err(ExportError::TargetExists(_))
        ));
        write_text(Output::Replace(&link), "new").expect("replace the link");
        assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "keep");
        let meta = std::fs::symlink_metadata(&link).expect("meta");
        assert!(
            meta.file_type().is_file(),
            "the link was replaced by the file"
        );
        let dangling = dir.path().join("dangling.csv");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("symlink");
        assert!(matches!(
            write_text(Output::File(&dangling), "new"),
            Err(ExportError::TargetExists(_))
        ));
        assert!(!dir.path().join("nowhere").exists());
    }

    /// Issue 22, case 10: a named pipe and a device are written in place and stay what they are;
    /// `-` and `/dev/stdout` mean standard output.
    #[test]
    fn pipes_and_devices_are_written_in_place_never_replaced() {
        #![allow(clippy::expect_used)]
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("stream.csv");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(&fifo).expect("read fifo"))
        };
        write_text(Output::File(&fifo), "through the pipe").expect("into the pipe");
        assert_eq!(reader.join().expect("reader"), "through the pipe");
        let meta = std::fs::symlink_metadata(&fifo).expect("meta");
        assert!(meta.file_type().is_fifo(), "still a pipe");
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("dir").count(),
            1,
            "no temp file"
        );

        write_text(Output::File(Path::new("/dev/null")), "gone").expect("into the device");
        let meta = std::fs::symlink_metadata("/dev/null").expect("meta");
        assert!(meta.file_type().is_char_device(), "still a device");

        assert!(matches!(
            destination(Output::File(Path::new("-"))),
            Ok(Dest::Stdout)
        ));
        assert!(matches!(
            destination(Output::Replace(Path::new("/dev/stdout"))),
            Ok(Dest::Stdout)
        ));
    }
}
