//! Supervisors' summaries: the reporting period (month, quarter, year or dates), the period it is
//! compared with, and the figures of a summary with their change. Pure: the service layer fills the
//! figures from the database.

use crate::i18n::{T, Text};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

/// How a period was given; the comparison period is the one before of the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    Dates,
}

/// A reporting period, both ends included, in local (Asia/Shanghai) dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn period_error(value: &str) -> Text {
    Text::new(T::ErrReportPeriod).arg("value", value)
}

fn month_end(from: NaiveDate) -> Option<NaiveDate> {
    from.checked_add_months(Months::new(1))?.pred_opt()
}

impl Period {
    /// Parses `2026-11` (month), `2026-Q3` (quarter), `2026` (year) or `2026-07-01..2026-09-30`, and
    /// the Chinese forms `2026年11月`, `2026年第3季度`, `2026年` (full-width digits too).
    pub fn parse(s: &str) -> Result<Period, Text> {
        let normalized = crate::domain::text::halfwidth(s.trim())
            .replace("年第", "-Q")
            .replace("季度", "")
            .replace('年', "-")
            .replace('月', "");
        let v = normalized.trim().trim_end_matches('-');
        let bad = || period_error(s.trim());
        if let Some((a, b)) = v.split_once("..") {
            return Period::dates(a, b);
        }
        if let Some((y, q)) = v
            .split_once(['-'])
            .filter(|(_, q)| q.starts_with(['Q', 'q']))
        {
            let year: i32 = y.parse().map_err(|_| bad())?;
            let q: u32 = q[1..].parse().map_err(|_| bad())?;
            if !(1..=4).contains(&q) {
                return Err(bad());
            }
            let from = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1).ok_or_else(bad)?;
            let to = from
                .checked_add_months(Months::new(3))
                .and_then(|d| d.pred_opt())
                .ok_or_else(bad)?;
            return Ok(Period {
                kind: PeriodKind::Quarter,
                from,
                to,
            });
        }
        if let Some((y, m)) = v.split_once('-') {
            let from = NaiveDate::from_ymd_opt(
                y.parse().map_err(|_| bad())?,
                m.parse().map_err(|_| bad())?,
                1,
            )
            .ok_or_else(bad)?;
            return Ok(Period {
                kind: PeriodKind::Month,
                from,
                to: month_end(from).ok_or_else(bad)?,
            });
        }
        let year: i32 = v.parse().map_err(|_| bad())?;
        Ok(Period {
            kind: PeriodKind::Year,
            from: NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?,
        })
    }

    /// A period given by its first and last day (`YYYY-MM-DD`); the last may not precede the first.
    pub fn dates(from: &str, to: &str) -> Result<Period, Text> {
        let date = |s: &str| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| period_error(s.trim()))
        };
        let (from, to) = (date(from)?, date(to)?);
        if to < from {
            return Err(Text::new(T::ErrReportPeriodOrder)
                .arg("from", from)
                .arg("to", to));
        }
        Ok(Period {
            kind: PeriodKind::Dates,
            from,
            to,
        })
    }

    /// The period compared with: the previous month, quarter or year, or as many days just before.
    pub fn previous(&self) -> Period {
        let back = |months: u32| {
            let from = self
                .from
                .checked_sub_months(Months::new(months))
                .unwrap_or(self.from);
            let to = self.from.pred_opt().unwrap_or(self.from);
            Period {
                kind: self.kind,
                from,
                to,
            }
        };
        match self.kind {
            PeriodKind::Month => back(1),
            PeriodKind::Quarter => back(3),
            PeriodKind::Year => back(12),
            PeriodKind::Dates => {
                let days = (self.to - self.from).num_days().unsigned_abs() + 1;
                let to = self.from.pred_opt().unwrap_or(self.from);
                Period {
                    kind: PeriodKind::Dates,
                    from: to.checked_sub_days(Days::new(days - 1)).unwrap_or(to),
                    to,
                }
            }
        }
    }

    /// The canonical form `parse` reads back: `2026-11`, `2026-Q3`, `2026`, `2026-07-01..2026-09-30`.
    pub fn code(&self) -> String {
        match self.kind {
            PeriodKind::Month => self.from.format("%Y-%m").to_string(),
            PeriodKind::Quarter => {
                format!("{}-Q{}", self.from.year(), (self.from.month() - 1) / 3 + 1)
            }
            PeriodKind::Year => self.from.year().to_string(),
            PeriodKind::Dates => format!("{}..{}", self.from, self.to),
        }
    }

    /// `2026年第3季度` / `2026 Q3`, `2026年11月`, `2026年`, or the two dates.
    pub fn label(&self) -> Text {
        let y = self.from.year();
        match self.kind {
            PeriodKind::Month => Text::new(T::ReportPeriodMonth)
                .arg("year", y)
                .arg("month", self.from.month()),
            PeriodKind::Quarter => Text::new(T::ReportPeriodQuarter)
                .arg("year", y)
                .arg("quarter", (self.from.month() - 1) / 3 + 1),
            PeriodKind::Year => Text::new(T::ReportPeriodYear).arg("year", y),
            PeriodKind::Dates => Text::new(T::ReportPeriodDates)
                .arg("from", self.from)
                .arg("to", self.to),
        }
    }

    /// The quarter before the one holding `today`: what "last quarter's summary" means.
    pub fn last_quarter(today: NaiveDate) -> Period {
        let q_start = NaiveDate::from_ymd_opt(today.year(), (today.month() - 1) / 3 * 3 + 1, 1)
            .unwrap_or(today);
        Period {
            kind: PeriodKind::Quarter,
            from: q_start,
            to: q_start,
        }
        .previous()
    }
}

/// One figure's value. Rates are fractions (0.25 is 25%); `None` when nothing was there to measure.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "unit", content = "value")]
pub enum Value {
    Count(i64),
    Days(Option<f64>),
    Rate(Option<f64>),
    /// Hazardous waste, three decimals as on the manifest.
    Tonnes(f64),
}

impl Value {
    fn number(self) -> Option<f64> {
        match self {
            Value::Count(n) => Some(n as f64),
            Value::Tonnes(t) => Some(t),
            Value::Days(v) | Value::Rate(v) => v,
        }
    }

    /// This value less the previous one (in points for rates); `None` when either is missing.
    pub fn change(self, previous: Value) -> Option<f64> {
        Some(self.number()? - previous.number()?)
    }

    /// For people: `1,234`, `3.5 天`, `87.5%`, or `-`.
    pub fn show(self, lang: crate::i18n::Lang) -> String {
        match self {
            Value::Count(n) => crate::domain::text::thousands(n),
            Value::Days(Some(d)) => Text::new(T::ReportDays)
                .arg("days", format!("{d:.1}"))
                .render(lang),
            Value::Rate(Some(r)) => format!("{:.1}%", r * 100.0),
            Value::Tonnes(t) => Text::new(T::ReportTonnes)
                .arg("t", format!("{t:.3}"))
                .render(lang),
            Value::Days(None) | Value::Rate(None) => "-".to_string(),
        }
    }

    /// The change as shown: `+12`, `-0.5 天`, `+3.1 个百分点`, or `-`.
    pub fn show_change(self, previous: Value, lang: crate::i18n::Lang) -> String {
        match (self, self.change(previous)) {
            (_, None) => "-".to_string(),
            (Value::Count(_), Some(d)) => format!("{d:+.0}"),
            (Value::Tonnes(_), Some(d)) => Text::new(T::ReportTonnes)
                .arg("t", format!("{d:+.3}"))
                .render(lang),
            (Value::Days(_), Some(d)) => Text::new(T::ReportDays)
                .arg("days", format!("{d:+.1}"))
                .render(lang),
            (Value::Rate(_), Some(d)) => Text::new(T::ReportPoints)
                .arg("points", format!("{:+.1}", d * 100.0))
                .render(lang),
        }
    }
}

/// A headline figure of a section, this period and the one before.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Stable name for other systems (JSON) and tests.
    pub key: &'static str,
    #[serde(skip)]
    pub label: T,
    pub value: Value,
    pub previous: Value,
}

/// One line of a breakdown (by service, by state, by cause ...): its code, its label in both
/// languages, and the counts of both periods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BreakdownRow {
    pub code: String,
    pub label_zh: String,
    pub label_en: String,
    pub value: i64,
    /// `None` for breakdowns of the present state, which have no previous period.
    pub previous: Option<i64>,
}

impl BreakdownRow {
    pub fn label(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Zh => &self.label_zh,
            crate::i18n::Lang::En => &self.label_en,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    pub key: &'static str,
    #[serde(skip)]
    pub title: T,
    pub rows: Vec<BreakdownRow>,
}

/// One module's part of the summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub key: &'static str,
    #[serde(skip)]
    pub title: T,
    pub figures: Vec<Figure>,
    pub breakdowns: Vec<Breakdown>,
}

/// Joins this period's and the previous period's counts by code, keeping the order of `labels`
/// (every known code appears, with zeros) followed by any unknown codes found in the data.
pub fn breakdown_rows(
    labels: &[(String, String, String)],
    now: &[(String, i64)],
    before: Option<&[(String, i64)]>,
) -> Vec<BreakdownRow> {
    let find =
        |v: &[(String, i64)], code: &str| v.iter().find(|(c, _)| c == code).map_or(0, |(_, n)| *n);
    let mut rows: Vec<BreakdownRow> = labels
        .iter()
        .map(|(code, zh, en)| BreakdownRow {
            code: code.clone(),
            label_zh: zh.clone(),
            label_en: en.clone(),
            value: find(now, code),
            previous: before.map(|b| find(b, code)),
        })
        .collect();
    for (code, _) in now.iter().chain(before.unwrap_or_default()) {
        if !rows.iter().any(|r| &r.code == code) {
            rows.push(BreakdownRow {
                code: code.clone(),
                label_zh: code.clone(),
                label_en: code.clone(),
                value: find(now, code),
                previous: before.map(|b| find(b, code)),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn periods_parse_and_know_the_one_before() {
        let q = Period::parse("2026-Q3").expect("quarter");
        assert_eq!((q.from, q.to), (d("2026-07-01"), d("2026-09-30")));
        let p = q.previous();
        assert_eq!((p.from, p.to), (d("2026-04-01"), d("2026-06-30")));
        let m = Period::parse("2026-03").expect("month");
        assert_eq!((m.from, m.to), (d("2026-03-01"), d("2026-03-31")));
        assert_eq!(m.previous().to, d("2026-02-28"));
        let y = Period::parse("2026").expect("year");
        assert_eq!(y.previous().from, d("2025-01-01"));
        let r = Period::parse("2026-07-10..2026-07-19").expect("dates");
        assert_eq!(
            (r.previous().from, r.previous().to),
            (d("2026-06-30"), d("2026-07-09"))
        );
        assert_eq!(
            Period::parse("2026-Q1").expect("q1").previous().from,
            d("2025-10-01")
        );
        assert_eq!(Period::parse("2026年第3季度"), Ok(q));
        for p in [q, m, y, r] {
            assert_eq!(Period::parse(&p.code()), Ok(p), "{}", p.code());
        }
        assert_eq!(Period::parse("２０２６年３月"), Ok(m));
        assert_eq!(Period::parse("2026年"), Ok(y));
    }

    #[test]
    fn bad_periods_say_what_is_wrong() {
        for bad in ["2026-Q5", "2026-13", "去年", "", "2026-02-30..2026-03-01"] {
            let e = Period::parse(bad).expect_err(bad);
            assert!(e.render(Lang::Zh).contains("期间"), "{bad}");
        }
        let e = Period::parse("2026-09-30..2026-07-01").expect_err("order");
        assert!(e.render(Lang::En).contains("2026-07-01"));
    }

    #[test]
    fn last_quarter_is_the_whole_previous_quarter() {
        let p = Period::last_quarter(d("2026-11-29"));
        assert_eq!((p.from, p.to), (d("2026-07-01"), d("2026-09-30")));
        let p = Period::last_quarter(d("2026-02-01"));
        assert_eq!((p.from, p.to), (d("2025-10-01"), d("2025-12-31")));
    }

    #[test]
    fn changes_show_with_sign_and_unit() {
        assert_eq!(
            Value::Count(12).show_change(Value::Count(15), Lang::Zh),
            "-3"
        );
        assert_eq!(
            Value::Rate(Some(0.9)).show_change(Value::Rate(Some(0.85)), Lang::Zh),
            "+5.0 个百分点"
        );
        assert_eq!(
            Value::Rate(None).show_change(Value::Rate(Some(0.5)), Lang::En),
            "-"
        );
        assert_eq!(Value::Rate(Some(0.875)).show(Lang::En), "87.5%");
        assert_eq!(Value::Days(Some(3.25)).show(Lang::Zh), "3.2 个工作日");
    }

    #[test]
    fn breakdowns_keep_known_order_and_add_unknown_codes() {
        let labels = vec![
            ("a".to_string(), "甲".to_string(), "A".to_string()),
            ("b".to_string(), "乙".to_string(), "B".to_string()),
        ];
        let rows = breakdown_rows(
            &labels,
            &[("b".into(), 2), ("x".into(), 1)],
            Some(&[("a".into(), 4)]),
        );
        let got: Vec<(&str, i64, Option<i64>)> = rows
            .iter()
            .map(|r| (r.code.as_str(), r.value, r.previous))
            .collect();
        assert_eq!(
            got,
            vec![("a", 0, Some(4)), ("b", 2, Some(0)), ("x", 1, Some(0))]
        );
        assert_eq!(breakdown_rows(&labels, &[], None)[0].previous, None);
    }
}
