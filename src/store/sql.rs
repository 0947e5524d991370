//! Shared SQL helpers: reading stored codes from a row, and building a WHERE clause whose parameters
//! are numbered in one place.

use rusqlite::Row;
use rusqlite::types::{Type, Value};

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

/// Conditions joined with `AND`, and their parameters. Each condition is written as if it stood alone,
/// its parameters `?` or `?1`, `?2`… numbered as SQLite numbers them; the builder shifts them past the
/// parameters already added, so a list's filters can be added in any combination without counting.
/// Conditions must not hold a `?` inside a string literal.
#[derive(Debug)]
pub(crate) struct Where {
    sql: String,
    values: Vec<Value>,
}

impl Where {
    /// A clause starting with a fixed condition (`e.deleted_at IS NULL`, or `1 = 1`).
    pub(crate) fn new(first: &str) -> Where {
        Where::after(Vec::new(), first)
    }

    /// A clause whose parameters follow `values` (bound before it in the same statement).
    pub(crate) fn after(values: Vec<Value>, first: &str) -> Where {
        let mut w = Where {
            sql: String::new(),
            values,
        };
        w.push(first, []);
        w
    }

    /// Adds `AND cond` with the values of its parameters, in their local order.
    pub(crate) fn and(
        &mut self,
        cond: &str,
        values: impl IntoIterator<Item = Value>,
    ) -> &mut Where {
        self.sql.push_str(" AND ");
        self.push(cond, values);
        self
    }

    /// Adds a parameter used outside the clause (a `LIMIT`), returning its placeholder.
    pub(crate) fn param(&mut self, v: Value) -> String {
        self.values.push(v);
        format!("?{}", self.values.len())
    }

    /// The clause (without the `WHERE` keyword) and every parameter, in number order.
    pub(crate) fn finish(self) -> (String, Vec<Value>) {
        (self.sql, self.values)
    }

    fn push(&mut self, cond: &str, values: impl IntoIterator<Item = Value>) {
        let base = self.values.len();
        let mut chars = cond.chars().peekable();
        let mut highest = 0;
        while let Some(c) = chars.next() {
            if c != '?' {
                self.sql.push(c);
                continue;
            }
            let mut n = 0;
            let mut numbered = false;
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                n = n * 10 + d as usize;
                numbered = true;
                chars.next();
            }
            // A bare `?` takes the number after the highest so far, as in SQLite.
            let local = if numbered { n } else { highest + 1 };
            highest = highest.max(local);
            self.sql.push_str(&format!("?{}", base + local));
        }
        self.values.extend(values);
        debug_assert_eq!(self.values.len(), base + highest, "{cond}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_are_numbered_after_the_parameters_before_them() {
        let mut w = Where::after(vec![Value::Integer(1)], "x.deleted_at IS NULL");
        w.and("x.state = 'open'", []);
        w.and("x.a = ?", [Value::Integer(2)]);
        w.and(
            "(x.b = ?1 OR x.c = ?1) AND x.d IN (?, ?)",
            [Value::Integer(3), Value::Integer(4), Value::Integer(5)],
        );
        let limit = w.param(Value::Integer(50));
        let (sql, values) = w.finish();
        assert_eq!(
            sql,
            "x.deleted_at IS NULL AND x.state = 'open' AND x.a = ?2 AND (x.b = ?3 OR x.c = ?3) AND x.d IN (?4, ?5)"
        );
        assert_eq!(limit, "?6");
        assert_eq!(values.len(), 6);
    }
}
