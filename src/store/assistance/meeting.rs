//! 圆桌座谈 storage: meetings, their participants, and the problems raised (each a request).

use crate::domain::assistance::AssistanceState;
use crate::domain::assistance::meeting::{MeetingDraft, ParticipantDraft};
use crate::domain::time::{Day, Instant};
use crate::store::db::Result;
use crate::store::sql::{Where, required};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// A meeting as stored, with how many took part and how its problems stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub uid: String,
    pub date: Day,
    pub place: String,
    pub host: String,
    pub region_code: String,
    pub topic: String,
    pub note: String,
    pub participants: i64,
    pub problems: i64,
    /// Problems whose request is not closed yet.
    pub open_problems: i64,
    pub created_at: Instant,
    pub created_by: String,
}

const SELECT: &str = "SELECT m.id, m.uid, m.meeting_date, m.place, m.host, m.region_code, m.topic,
    m.note, m.created_at, m.created_by,
    (SELECT count(*) FROM assist_meeting_participant p WHERE p.meeting_id = m.id),
    (SELECT count(*) FROM assist_meeting_problem q WHERE q.meeting_id = m.id),
    (SELECT count(*) FROM assist_meeting_problem q JOIN assist_request r ON r.id = q.request_id
        WHERE q.meeting_id = m.id AND r.state <> 'closed')
    FROM assist_meeting m";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        uid: r.get(1)?,
        date: r.get(2)?,
        place: r.get(3)?,
        host: r.get(4)?,
        region_code: r.get(5)?,
        topic: r.get(6)?,
        note: r.get(7)?,
        created_at: r.get(8)?,
        created_by: r.get(9)?,
        participants: r.get(10)?,
        problems: r.get(11)?,
        open_problems: r.get(12)?,
    })
}

pub fn insert(
    conn: &Connection,
    uid: &str,
    m: &MeetingDraft,
    actor_uid: &str,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO assist_meeting (uid, meeting_date, place, host, region_code, topic, note,
            created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            uid,
            m.date,
            m.place,
            m.host,
            m.region_code,
            m.topic,
            m.note,
            now,
            actor_uid
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Meeting>> {
    let sql = format!("{SELECT} WHERE m.id = ?1 AND m.deleted_at IS NULL");
    Ok(conn.query_row(&sql, [id], read).optional()?)
}

/// Meetings of one region (or all), newest meeting first; paged after (date, id) of the last row.
pub fn list(
    conn: &Connection,
    region: Option<&str>,
    after: Option<(&str, i64)>,
    limit: usize,
) -> Result<Vec<Meeting>> {
    let mut w = Where::new("m.deleted_at IS NULL");
    if let Some(r) = region {
        w.and("m.region_code = ?", [r.to_string().into()]);
    }
    if let Some((date, id)) = after {
        w.and(
            "(m.meeting_date, m.id) < (?, ?)",
            [date.to_string().into(), id.into()],
        );
    }
    let (wh, args) = w.finish();
    let sql = format!("{SELECT} WHERE {wh} ORDER BY m.meeting_date DESC, m.id DESC LIMIT {limit}");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), read)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A participant, with the enterprise's name when one is given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub enterprise_id: Option<i64>,
    pub enterprise_name: Option<String>,
    pub person: String,
    pub role: String,
}

pub fn insert_participant(
    conn: &Connection,
    meeting_id: i64,
    p: &ParticipantDraft,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO assist_meeting_participant (meeting_id, enterprise_id, person, role, created_at,
            created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![meeting_id, p.enterprise_id, p.person, p.role, now, actor_uid],
    )?;
    Ok(())
}

pub fn participants(conn: &Connection, meeting_id: i64) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.enterprise_id, e.name, p.person, p.role FROM assist_meeting_participant p
         LEFT JOIN enterprise e ON e.id = p.enterprise_id WHERE p.meeting_id = ?1 ORDER BY p.id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok(Participant {
            enterprise_id: r.get(0)?,
            enterprise_name: r.get(1)?,
            person: r.get(2)?,
            role: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A problem raised, shown with its request's number and state as they are now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub request_id: i64,
    pub number: String,
    pub enterprise_name: String,
    pub description: String,
    pub state: AssistanceState,
    pub linked: bool,
}

pub fn insert_problem(
    conn: &Connection,
    meeting_id: i64,
    request_id: i64,
    linked: bool,
    actor_uid: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO assist_meeting_problem (meeting_id, request_id, linked, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meeting_id, request_id, i64::from(linked), now, actor_uid],
    )?;
    Ok(())
}

pub fn is_linked(conn: &Connection, meeting_id: i64, request_id: i64) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM assist_meeting_problem WHERE meeting_id = ?1 AND request_id = ?2",
            params![meeting_id, request_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub fn problems(conn: &Connection, meeting_id: i64) -> Result<Vec<Problem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.number, e.name, r.description, r.state, q.linked
         FROM assist_meeting_problem q JOIN assist_request r ON r.id = q.request_id
         JOIN enterprise e ON e.id = r.enterprise_id WHERE q.meeting_id = ?1 ORDER BY q.id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok(Problem {
            request_id: r.get(0)?,
            number: r.get(1)?,
            enterprise_name: r.get(2)?,
            description: r.get(3)?,
            state: required(r, 4, AssistanceState::parse)?,
            linked: r.get::<_, i64>(5)? == 1,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether the meeting already lists this person (of the same enterprise, or the same guest).
pub fn participant_exists(
    conn: &Connection,
    meeting_id: i64,
    enterprise_id: Option<i64>,
    person: &str,
) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM assist_meeting_participant
             WHERE meeting_id = ?1 AND enterprise_id IS ?2 AND person = ?3",
            params![meeting_id, enterprise_id, person],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Whether someone of the enterprise took part in the meeting.
pub fn is_participant(conn: &Connection, meeting_id: i64, enterprise_id: i64) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM assist_meeting_participant WHERE meeting_id = ?1 AND enterprise_id = ?2",
            params![meeting_id, enterprise_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The (live) meeting a request is already a problem of, as (id, date, topic), if any.
pub fn meeting_of_request(
    conn: &Connection,
    request_id: i64,
) -> Result<Option<(i64, Day, String)>> {
    Ok(conn
        .query_row(
            "SELECT m.id, m.meeting_date, m.topic FROM assist_meeting_problem q
             JOIN assist_meeting m ON m.id = q.meeting_id
             WHERE q.request_id = ?1 AND m.deleted_at IS NULL ORDER BY q.id LIMIT 1",
            [request_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}
