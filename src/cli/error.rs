//! Failures of a command: the message in the chosen language and a distinct exit status per kind, so
//! scripts can tell "the database is missing" from "the password was wrong" from "the data is bad".

use ecocase::domain::validate::FieldIssue;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::ServiceError;
use ecocase::store::db::StoreError;
use std::path::Path;

/// Exit statuses; listed in `ecocase --help` (the `CliExitCodes` text) and docs/operations.md.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// The command ran and refused or found a problem: invalid input, rows rejected, check faults,
    /// a damaged backup copy, a target that already exists.
    pub const PROBLEM: u8 = 1;
    /// The database cannot be opened: missing, not an ecocase database, damaged, or too new.
    pub const NO_DATABASE: u8 = 2;
    /// The database stayed locked by another writer past the timeout.
    pub const BUSY: u8 = 3;
    /// Writing failed: read-only file or directory, disk full, other I/O errors.
    pub const STORAGE: u8 = 4;
    /// Wrong password, locked or disabled account, or an action the account's roles do not permit.
    pub const DENIED: u8 = 5;
    /// Bad command-line arguments, or a password that was not supplied.
    pub const USAGE: u8 = 64;
}

#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub message: String,
}

impl CliError {
    pub fn new(code: u8, message: impl Into<String>) -> CliError {
        CliError {
            code,
            message: message.into(),
        }
    }

    pub fn problem(message: impl Into<String>) -> CliError {
        CliError::new(exit::PROBLEM, message)
    }

    pub fn usage(message: impl Into<String>) -> CliError {
        CliError::new(exit::USAGE, message)
    }

    /// A service failure in `lang`; each validation issue on its own line, naming its field.
    pub fn service(e: ServiceError, lang: Lang) -> CliError {
        let message = match &e {
            ServiceError::Invalid(issues) if issues.len() > 1 => issues
                .iter()
                .map(|i| issue_line(i, lang))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => e.render(lang),
        };
        CliError::new(code_of(&e), message)
    }

    pub fn store(e: StoreError, lang: Lang) -> CliError {
        CliError::service(ServiceError::Store(e), lang)
    }

    /// A failure while using the database at `db`: the path is named where the error lacks it, and
    /// file-system errors are explained in `lang`.
    pub fn at(e: ServiceError, db: &Path, lang: Lang) -> CliError {
        let named = match e {
            ServiceError::Store(StoreError::ReadOnly(p, cause)) if p.as_os_str().is_empty() => {
                ServiceError::Store(StoreError::ReadOnly(db.to_path_buf(), cause))
            }
            ServiceError::Store(StoreError::NotADatabase(p, cause)) if p.as_os_str().is_empty() => {
                ServiceError::Store(StoreError::NotADatabase(db.to_path_buf(), cause))
            }
            ServiceError::Store(StoreError::Io(io)) => {
                return CliError::new(
                    exit::STORAGE,
                    Text::new(T::CliIoFailed)
                        .arg("path", db.display())
                        .arg("reason", io_reason(&io, lang))
                        .render(lang),
                );
            }
            other => other,
        };
        CliError::service(named, lang)
    }
}

/// Why a file operation failed, in `lang` for the common cases.
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let key = match e.kind() {
        ErrorKind::NotFound => T::IoNotFound,
        ErrorKind::PermissionDenied => T::IoPermission,
        ErrorKind::AlreadyExists => T::IoExists,
        ErrorKind::StorageFull => T::IoFull,
        ErrorKind::ReadOnlyFilesystem => T::IoReadOnly,
        ErrorKind::IsADirectory => T::IoIsDirectory,
        _ => return e.to_string(),
    };
    key.get(lang).to_string()
}

/// `字段：消息` for one validation issue.
fn issue_line(i: &FieldIssue, lang: Lang) -> String {
    let field = ecocase::domain::enterprise::columns::COLUMNS
        .iter()
        .find(|c| c.id == i.field)
        .map_or(i.field, |c| c.label.get(lang));
    Text::new(T::CliFieldIssue)
        .arg("field", field)
        .arg("message", i.render(lang))
        .render(lang)
}

fn code_of(e: &ServiceError) -> u8 {
    match e {
        ServiceError::Forbidden(_) => exit::DENIED,
        ServiceError::Refused(t)
            if matches!(
                t.key,
                T::ErrLoginFailed | T::ErrLoginWait | T::ErrAccountDisabled
            ) =>
        {
            exit::DENIED
        }
        ServiceError::Store(s) => store_code(s),
        _ => exit::PROBLEM,
    }
}

pub fn store_code(e: &StoreError) -> u8 {
    match e {
        StoreError::Missing(_) | StoreError::NotADatabase(..) | StoreError::TooNew { .. } => {
            exit::NO_DATABASE
        }
        StoreError::Busy(_) => exit::BUSY,
        StoreError::ReadOnly(..) | StoreError::DiskFull(_) | StoreError::Io(_) => exit::STORAGE,
        StoreError::Sqlite(_) => exit::STORAGE,
        StoreError::Conflict { .. } | StoreError::NotFound | StoreError::Unique(_) => exit::PROBLEM,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecocase::domain::account::Action;

    #[test]
    fn each_kind_of_failure_has_its_own_status() {
        let code = |e| CliError::service(e, Lang::Zh).code;
        assert_eq!(
            code(ServiceError::Store(StoreError::Missing("x".into()))),
            exit::NO_DATABASE
        );
        assert_eq!(
            code(ServiceError::Store(StoreError::Busy(
                rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(5), None)
            ))),
            exit::BUSY
        );
        assert_eq!(
            code(ServiceError::Store(StoreError::ReadOnly("x".into(), None))),
            exit::STORAGE
        );
        assert_eq!(
            code(ServiceError::Refused(Text::new(T::ErrLoginFailed))),
            exit::DENIED
        );
        assert_eq!(
            code(ServiceError::Forbidden(Action::UserManage)),
            exit::DENIED
        );
        assert_eq!(code(ServiceError::NotFound), exit::PROBLEM);
    }

    #[test]
    fn missing_database_message_says_what_to_run() {
        let e = CliError::store(StoreError::Missing("/srv/e.db".into()), Lang::Zh);
        assert!(e.message.contains("ecocase init"), "{}", e.message);
    }
}
