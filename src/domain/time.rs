//! Days and instants: the one place that parses and formats them, and that turns an instant into
//! Beijing time for people. A day is `YYYY-MM-DD`; an instant is stored as RFC 3339 UTC with seconds
//! and `Z`. Parsing is strict (the text must be exactly what formatting writes), so a value read back
//! always prints byte for byte as it was stored, and a damaged value is an error, never a guess.

use chrono::{
    DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, SecondsFormat, Timelike, Utc,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

const DAY_FORMAT: &str = "%Y-%m-%d";
const LOCAL_FORMAT: &str = "%Y-%m-%d %H:%M";

/// Text that is not a day or an instant in the stored format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadTime(pub String);

impl fmt::Display for BadTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date or time: {:?}", self.0)
    }
}

impl std::error::Error for BadTime {}

/// A calendar day (no time, no zone), written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(NaiveDate);

impl Day {
    pub fn new(date: NaiveDate) -> Day {
        Day(date)
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Exactly `YYYY-MM-DD` (surrounding blanks are not trimmed: callers trim what people typed).
    pub fn parse(s: &str) -> Result<Day, BadTime> {
        NaiveDate::parse_from_str(s, DAY_FORMAT)
            .ok()
            .map(Day)
            .filter(|d| d.to_string() == s)
            .ok_or_else(|| BadTime(s.to_string()))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(DAY_FORMAT))
    }
}

impl std::str::FromStr for Day {
    type Err = BadTime;
    fn from_str(s: &str) -> Result<Day, BadTime> {
        Day::parse(s)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let s = String::deserialize(d)?;
        Day::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A day that may be absent, as text: the day, or `""` when there is none (how an optional day is
/// stored, exported and written into audit after-images).
pub fn day_text(day: Option<Day>) -> String {
    day.map(|d| d.to_string()).unwrap_or_default()
}

/// `""` is no day; anything else must be a day in the stored form.
pub fn parse_blank_day(s: &str) -> Result<Option<Day>, BadTime> {
    if s.is_empty() {
        Ok(None)
    } else {
        Day::parse(s).map(Some)
    }
}

/// Serde for an optional day written as `""` when absent (`#[serde(with = "blank_day")]`), so JSON
/// keeps the text the field held when it was a `String`.
pub mod blank_day {
    use super::{Day, day_text, parse_blank_day};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Option<Day>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&day_text(*day))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Day>, D::Error> {
        let s = String::deserialize(d)?;
        parse_blank_day(&s).map_err(serde::de::Error::custom)
    }
}

/// A moment in UTC, stored as RFC 3339 with seconds and `Z` (`2026-03-01T02:05:09Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(DateTime<Utc>);

impl Instant {
    /// Sub-second precision is dropped, as the stored text has none.
    pub fn new(t: DateTime<Utc>) -> Instant {
        Instant(t.with_nanosecond(0).unwrap_or(t))
    }

    /// Exactly the stored format; any other offset or precision is refused.
    pub fn parse(s: &str) -> Result<Instant, BadTime> {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| Instant(t.with_timezone(&Utc)))
            .filter(|t| t.to_string() == s)
            .ok_or_else(|| BadTime(s.to_string()))
    }

    /// The moment in Beijing time.
    fn beijing(self) -> DateTime<FixedOffset> {
        self.0.with_timezone(&shanghai())
    }

    /// `YYYY-MM-DD HH:MM` in Beijing time, as every screen and export shows an instant.
    pub fn local(self) -> String {
        self.beijing().format(LOCAL_FORMAT).to_string()
    }

    /// The Beijing wall-clock minute of the moment.
    pub fn minute(self) -> Minute {
        Minute::new(self.beijing().naive_local())
    }

    /// The Beijing calendar day the moment falls on.
    pub fn local_day(self) -> Day {
        Day(self.beijing().date_naive())
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Secs, true))
    }
}

impl std::str::FromStr for Instant {
    type Err = BadTime;
    fn from_str(s: &str) -> Result<Instant, BadTime> {
        Instant::parse(s)
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        let s = String::deserialize(d)?;
        Instant::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A Beijing wall-clock minute as people type it, stored as `YYYY-MM-DD HH:MM` (no zone: the manifest's
/// departure, arrival, receipt and hand-over times are recorded in local time and shown as typed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Minute(NaiveDateTime);

impl Minute {
    /// Seconds and below are dropped, as the stored text has none.
    pub fn new(t: NaiveDateTime) -> Minute {
        Minute(
            t.with_second(0)
                .and_then(|t| t.with_nanosecond(0))
                .unwrap_or(t),
        )
    }

    /// Exactly `YYYY-MM-DD HH:MM`; seconds, zones and blanks are refused.
    pub fn parse(s: &str) -> Result<Minute, BadTime> {
        NaiveDateTime::parse_from_str(s, LOCAL_FORMAT)
            .ok()
            .map(Minute)
            .filter(|m| m.to_string() == s)
            .ok_or_else(|| BadTime(s.to_string()))
    }

    /// The minute as a naive (Beijing) date and time.
    pub fn naive(self) -> NaiveDateTime {
        self.0
    }

    /// The Beijing calendar day of the minute.
    pub fn day(self) -> Day {
        Day(self.0.date())
    }

    /// The moment this Beijing wall-clock minute is (a fixed offset: every minute is one moment).
    pub fn instant(self) -> Instant {
        Instant(self.0.and_utc() - chrono::Duration::hours(8))
    }
}

impl fmt::Display for Minute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(LOCAL_FORMAT))
    }
}

impl std::str::FromStr for Minute {
    type Err = BadTime;
    fn from_str(s: &str) -> Result<Minute, BadTime> {
        Minute::parse(s)
    }
}

impl Serialize for Minute {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Minute {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Minute, D::Error> {
        let s = String::deserialize(d)?;
        Minute::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Asia/Shanghai, where every date is shown (no daylight saving, so a fixed offset is exact).
pub fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| Utc.fix())
}

/// UTC time as stored: RFC 3339 with seconds and `Z`.
pub fn stamp(t: DateTime<Utc>) -> String {
    Instant::new(t).to_string()
}

/// Stored instant text shown as `YYYY-MM-DD HH:MM` in Beijing time; text that is not a stored instant
/// (audit details, conflict reports carry free text) is shown as is.
pub fn local_time(stored: &str) -> String {
    Instant::parse(stored).map_or_else(|_| stored.to_string(), Instant::local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn day_round_trips_and_orders() {
        let d = Day::parse("2026-02-28").expect("day");
        assert_eq!(d.to_string(), "2026-02-28");
        assert!(d < Day::parse("2026-03-01").expect("day"));
        assert_eq!(
            d.date(),
            NaiveDate::from_ymd_opt(2026, 2, 28).expect("date")
        );
    }

    #[test]
    fn day_rejects_anything_but_the_stored_form() {
        for bad in [
            "",
            "2026-2-28",
            "2026-02-30",
            "26-02-28",
            " 2026-02-28",
            "2026/02/28",
            "garbage",
        ] {
            assert_eq!(Day::parse(bad), Err(BadTime(bad.to_string())), "{bad:?}");
        }
    }

    #[test]
    fn instant_round_trips_as_stamp_writes_it() {
        let t = Utc
            .with_ymd_and_hms(2026, 3, 1, 2, 5, 9)
            .single()
            .expect("time");
        let s = stamp(t);
        assert_eq!(s, "2026-03-01T02:05:09Z");
        assert_eq!(Instant::parse(&s).expect("instant"), Instant::new(t));
        assert_eq!(
            Instant::new(t + chrono::Duration::milliseconds(700)).to_string(),
            s
        );
    }

    #[test]
    fn instant_rejects_other_offsets_precision_and_garbage() {
        for bad in [
            "",
            "2026-03-01T10:05:09+08:00",
            "2026-03-01T02:05:09.5Z",
            "2026-03-01T02:05Z",
            "2026-03-01 02:05:09",
            "now",
        ] {
            assert!(Instant::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn beijing_time_crosses_midnight() {
        let late = Instant::parse("2026-12-31T16:30:00Z").expect("instant");
        assert_eq!(late.local(), "2027-01-01 00:30");
        assert_eq!(late.local_day().to_string(), "2027-01-01");
        let early = Instant::parse("2026-12-31T15:59:00Z").expect("instant");
        assert_eq!(early.local(), "2026-12-31 23:59");
        assert_eq!(early.local_day().to_string(), "2026-12-31");
    }

    #[test]
    fn local_time_shows_free_text_unchanged() {
        assert_eq!(local_time("2026-03-01T02:05:09Z"), "2026-03-01 10:05");
        assert_eq!(local_time("不是时间"), "不是时间");
    }

    #[test]
    fn minute_round_trips_and_rejects_other_forms() {
        let m = Minute::parse("2026-03-18 09:00").expect("minute");
        assert_eq!(m.to_string(), "2026-03-18 09:00");
        assert_eq!(m.day().to_string(), "2026-03-18");
        assert_eq!(m.instant().to_string(), "2026-03-18T01:00:00Z");
        assert_eq!(m.instant().local(), "2026-03-18 09:00");
        let after_midnight = Minute::parse("2026-03-18 07:30").expect("minute");
        assert_eq!(after_midnight.instant().to_string(), "2026-03-17T23:30:00Z");
        assert!(m < Minute::parse("2026-03-18 17:00").expect("minute"));
        for bad in [
            "",
            "2026-03-18",
            "2026-03-18 9:00",
            "2026-03-18 09:00:00",
            "2026-03-18T09:00",
            "2026-03-18T01:00:00Z",
            " 2026-03-18 09:00",
            "2026-02-30 09:00",
        ] {
            assert_eq!(Minute::parse(bad), Err(BadTime(bad.to_string())), "{bad:?}");
        }
        assert_eq!(
            serde_json::to_string(&m).expect("json"),
            "\"2026-03-18 09:00\""
        );
        assert_eq!(
            serde_json::from_str::<Minute>("\"2026-03-18 09:00\"").expect("minute"),
            m
        );
    }

    #[test]
    fn serde_writes_the_same_strings() {
        let d = Day::parse("2026-05-04").expect("day");
        let i = Instant::parse("2026-05-04T01:02:03Z").expect("instant");
        assert_eq!(serde_json::to_string(&d).expect("json"), "\"2026-05-04\"");
        assert_eq!(
            serde_json::to_string(&Some(i)).expect("json"),
            "\"2026-05-04T01:02:03Z\""
        );
        assert_eq!(
            serde_json::from_str::<Day>("\"2026-05-04\"").expect("day"),
            d
        );
        assert!(serde_json::from_str::<Instant>("\"2026-05-04\"").is_err());
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Blank {
        #[serde(with = "blank_day")]
        d: Option<Day>,
    }

    #[test]
    fn blank_day_is_empty_text_when_absent() {
        let some = Blank {
            d: Some(Day::parse("2026-05-04").expect("day")),
        };
        let none = Blank { d: None };
        assert_eq!(
            serde_json::to_string(&some).expect("json"),
            r#"{"d":"2026-05-04"}"#
        );
        assert_eq!(serde_json::to_string(&none).expect("json"), r#"{"d":""}"#);
        assert_eq!(
            serde_json::from_str::<Blank>(r#"{"d":""}"#).expect("none"),
            none
        );
        assert_eq!(
            serde_json::from_str::<Blank>(r#"{"d":"2026-05-04"}"#).expect("some"),
            some
        );
        assert!(serde_json::from_str::<Blank>(r#"{"d":"2026-5-4"}"#).is_err());
        assert_eq!(day_text(None), "");
    }
}
