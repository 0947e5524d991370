//! Shared SQL helpers: reading stored codes from a row.

use rusqlite::Row;
use rusqlite::types::Type;

/// Parses a stored code; empty is `None`. The schema's CHECK lists make a failure mean a damaged
/// database, so it is an error, never a default.
pub(crate) fn code<E>(
    r: &Row<'_>,
    i: usize,
    parse: fn(&str) -> Option<E>,
) -> rusqlite::Result<Option<E>> {
    let s: String = r.get(i)?;
    if s.is_empty() {
        return Ok(None);
    }
    parse(&s).map(Some).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(i, Type::Text, format!("unknown code {s}").into())
    })
}

/// A stored code that must be present.
pub(crate) fn required<E>(
    r: &Row<'_>,
    i: usize,
    parse: fn(&str) -> Option<E>,
) -> rusqlite::Result<E> {
    code(r, i, parse)?.ok_or(rusqlite::Error::InvalidColumnType(
        i,
        "code".into(),
        Type::Null,
    ))
}
