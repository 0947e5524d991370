//! Days and instants as SQLite text. A stored value that does not parse is a read error, so damage
//! surfaces where it is read instead of turning into "now" or a default day further on.

use crate::domain::time::{Day, Instant, Minute, day_text, parse_blank_day};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

impl ToSql for Day {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Day {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Day> {
        Day::parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

impl ToSql for Instant {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Instant {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Instant> {
        Instant::parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// An optional day in a `TEXT NOT NULL DEFAULT ''` column: `''` is no day, anything else must parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlankDay(pub Option<Day>);

impl ToSql for BlankDay {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(day_text(self.0)))
    }
}

impl FromSql for BlankDay {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<BlankDay> {
        parse_blank_day(value.as_str()?)
            .map(BlankDay)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// Reads an optional day stored as `''` when absent.
pub fn blank_day(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<Option<Day>> {
    Ok(r.get::<_, BlankDay>(idx)?.0)
}

impl ToSql for Minute {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Minute {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Minute> {
        Minute::parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn read<T: FromSql>(text: &str) -> rusqlite::Result<T> {
        let conn = Connection::open_in_memory()?;
        conn.query_row("SELECT ?1", [text], |r| r.get(0))
    }

    #[test]
    fn stored_text_round_trips() {
        let conn = Connection::open_in_memory().expect("db");
        let day = Day::parse("2026-01-31").expect("day");
        let at = Instant::parse("2026-01-31T23:59:59Z").expect("instant");
        let (d, i): (String, String) = conn
            .query_row("SELECT ?1, ?2", rusqlite::params![day, at], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("row");
        assert_eq!(
            (d.as_str(), i.as_str()),
            ("2026-01-31", "2026-01-31T23:59:59Z")
        );
        assert_eq!(read::<Day>(&d).expect("day"), day);
        assert_eq!(read::<Instant>(&i).expect("instant"), at);
    }

    #[test]
    fn garbage_is_a_read_error_not_a_fallback() {
        assert!(read::<Day>("").is_err());
        assert!(read::<Day>("2026-13-01").is_err());
        assert!(read::<Instant>("garbage").is_err());
        assert!(read::<Instant>("2026-01-31").is_err());
        assert_eq!(
            read::<Minute>("2026-01-31 23:59")
                .expect("minute")
                .to_string(),
            "2026-01-31 23:59"
        );
        assert!(read::<Minute>("2026-01-31T23:59:00Z").is_err());
        let conn = Connection::open_in_memory().expect("db");
        let n: rusqlite::Result<Option<Instant>> = conn.query_row("SELECT 42", [], |r| r.get(0));
        assert!(n.is_err());
        let none: Option<Day> = conn
            .query_row("SELECT NULL", [], |r| r.get(0))
            .expect("null");
        assert_eq!(none, None);
    }

    #[test]
    fn blank_day_is_empty_text() {
        assert_eq!(read::<BlankDay>("").expect("blank"), BlankDay(None));
        let day = Day::parse("2026-01-31").expect("day");
        assert_eq!(
            read::<BlankDay>("2026-01-31").expect("day"),
            BlankDay(Some(day))
        );
        assert!(read::<BlankDay>("2026-1-31").is_err());
        let conn = Connection::open_in_memory().expect("db");
        let (a, b): (String, String) = conn
            .query_row(
                "SELECT ?1, ?2",
                rusqlite::params![BlankDay(None), BlankDay(Some(day))],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("row");
        assert_eq!((a.as_str(), b.as_str()), ("", "2026-01-31"));
    }
}
