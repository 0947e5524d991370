//! `ecocase audit digest [-o FILE]`: the audit chain's digest (sequence number, hash, time, record
//! counts) as a short text to print, sign or keep in the bureau's OA system. Also the digest written
//! with every backup and appended to the configured digest directory. An operator command: no `--as`.

use crate::cli::{CliError, Context, output};
use ecocase::domain::time::Instant;
use ecocase::i18n::{T, Text};
use ecocase::store::check::{self, digest};
use rusqlite::Connection;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Subcommand, Debug)]
pub enum AuditCommand {
    Digest(DigestArgs),
}

#[derive(clap::Args, Debug)]
pub struct DigestArgs {
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The digest of the database `ctx` names, as text in the context's language.
pub fn digest_text(ctx: &Context, conn: &Connection) -> Result<String, CliError> {
    let d = digest::current(conn).map_err(|e| ctx.fail_store(e))?;
    let now = Instant::new(chrono::Utc::now());
    Ok(d.render(
        ctx.lang,
        &ctx.db.display().to_string(),
        &format!("{now} ({})", now.local()),
    ))
}

/// The file in the digest directory that holds this database's digests.
pub fn dir_file(dir: &Path, db: &Path) -> PathBuf {
    let stem = db
        .file_name()
        .map_or_else(|| "ecocase.db".into(), |n| n.to_string_lossy().into_owned());
    dir.join(format!("{stem}.digests"))
}

/// Appends `text` to the digest directory's file when the config names a directory; says where.
pub fn append_to_dir(ctx: &Context, text: &str) -> Result<(), CliError> {
    let Some(dir) = &ctx.digest_dir else {
        return Ok(());
    };
    let path = dir_file(dir, &ctx.db);
    let failed = |e: std::io::Error| {
        CliError::problem(
            Text::new(T::CliDigestFailed)
                .arg("path", path.display())
                .arg("detail", e)
                .render(ctx.lang),
        )
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(failed)?;
    file.write_all(format!("{text}\n").as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(failed)?;
    output::say(
        &Text::new(T::CliDigestAppended)
            .arg("path", path.display())
            .render(ctx.lang),
    );
    Ok(())
}

/// Writes `text` to a new file (never over an existing one).
pub fn write_new(ctx: &Context, path: &Path, text: &str) -> Result<(), CliError> {
    let failed = |e: std::io::Error| {
        CliError::problem(
            Text::new(T::CliDigestFailed)
                .arg("path", path.display())
                .arg("detail", e)
                .render(ctx.lang),
        )
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(failed)?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(failed)
}

pub fn run(ctx: &Context, c: AuditCommand) -> Result<(), CliError> {
    match c {
        AuditCommand::Digest(a) => {
            let conn = check::open_read_only(&ctx.db).map_err(|e| ctx.fail_store(e))?;
            let text = digest_text(ctx, &conn)?;
            match &a.output {
                Some(path) => {
                    write_new(ctx, path, &text)?;
                    output::say(
                        &Text::new(T::CliDigestWritten)
                            .arg("path", path.display())
                            .render(ctx.lang),
                    );
                }
                None => output::say(text.trim_end()),
            }
            append_to_dir(ctx, &text)
        }
    }
}
