//! `ecocase backup PATH`: a consistent copy with `VACUUM INTO`, then an integrity check of the copy.
//! An operator command for the owner of the file: no `--as` login.

use crate::cli::{CliError, Context, exit, output};
use ecocase::i18n::{T, Text};
use ecocase::store::{backup, db};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct BackupArgs {
    #[arg(value_name = "PATH")]
    path: PathBuf,
}

/// A size for people: `12.3 MB`, `456 KB`.
fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

pub fn run(ctx: &Context, a: BackupArgs) -> Result<(), CliError> {
    let lang = ctx.lang;
    // Not `exists()`: that follows a symbolic link, and a dangling one would be written through.
    let existing = std::fs::symlink_metadata(&a.path).ok();
    if existing
        .as_ref()
        .is_some_and(|m| m.file_type().is_symlink())
    {
        return Err(CliError::problem(
            Text::new(T::CliBackupSymlink)
                .arg("path", a.path.display())
                .render(lang),
        ));
    }
    if existing.is_some() {
        return Err(CliError::problem(
            Text::new(T::CliBackupExists)
                .arg("path", a.path.display())
                .render(lang),
        ));
    }
    let conn = db::open(&ctx.db).map_err(|e| ctx.fail_store(e))?;
    let problems = backup::backup(&conn, &a.path).map_err(|e| {
        let code = crate::cli::error::store_code(&e);
        CliError::new(
            code,
            Text::new(T::CliBackupFailed)
                .arg("path", a.path.display())
                .arg("detail", e)
                .render(lang),
        )
    })?;
    if !problems.is_empty() {
        let mut message = Text::new(T::CliBackupDamaged)
            .arg("path", a.path.display())
            .render(lang);
        for p in &problems {
            message.push('\n');
            message.push_str(p);
        }
        return Err(CliError::new(exit::PROBLEM, message));
    }
    let bytes = std::fs::metadata(&a.path).map(|m| m.len()).unwrap_or(0);
    output::say(
        &Text::new(T::CliBackupDone)
            .arg("path", a.path.display())
            .arg("size", size(bytes))
            .render(lang),
    );
    // The copy's digest beside it and in the digest directory: the chain as it was at this backup.
    let copy = ecocase::store::check::open_read_only(&a.path).map_err(|e| ctx.fail_store(e))?;
    let text = crate::cli::audit::digest_text(ctx, &copy)?;
    let mut digest_path = a.path.clone().into_os_string();
    digest_path.push(".digest");
    let digest_path = PathBuf::from(digest_path);
    crate::cli::audit::write_new(ctx, &digest_path, &text)?;
    output::say(
        &Text::new(T::CliDigestWritten)
            .arg("path", digest_path.display())
            .render(lang),
    );
    crate::cli::audit::append_to_dir(ctx, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(1), "1 KB");
        assert_eq!(size(3 * 1024 * 1024 + 300 * 1024), "3.3 MB");
    }
}
