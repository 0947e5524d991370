//! 危险废物转移联单 (domain.md §3): the enumerations, the manifest number, quantities in integer
//! kilograms (tonnes x 1000), entered times, and the waste lines and carrier legs of a draft.
//! The state machine and the cross-checks are in `manifest_rules`, the deadlines in `manifest_deadlines`.
pub mod columns;
pub mod cross;
pub mod deadlines;
pub mod lines;
pub mod rules;
pub mod times;
pub mod waste;

use crate::domain::codes::code_enum;
use crate::domain::text::{halfwidth, normalize_code, normalize_text};
use crate::i18n::{T, Text};
use chrono::{NaiveDate, NaiveDateTime};

code_enum! {
    /// Where a manifest is in its life.
    ManifestState {
        Draft => "draft", ManifestStateDraft;
        PendingTransport => "pending_transport", ManifestStatePendingTransport;
        InTransit => "in_transit", ManifestStateInTransit;
        AwaitingReceipt => "awaiting_receipt", ManifestStateAwaitingReceipt;
        Discrepancy => "discrepancy", ManifestStateDiscrepancy;
        Received => "received", ManifestStateReceived;
        Completed => "completed", ManifestStateCompleted;
        Rejected => "rejected", ManifestStateRejected;
        Cancelled => "cancelled", ManifestStateCancelled;
        PendingBackfill => "pending_backfill", ManifestStatePendingBackfill;
        Backfilled => "backfilled", ManifestStateBackfilled;
    }
}

code_enum! {
    /// Who created the number: ecocase (the city's serial), the national system, or a paper manifest.
    Origin {
        Local => "local", ManifestOriginLocal;
        National => "national", ManifestOriginNational;
        Paper => "paper", ManifestOriginPaper;
    }
}

code_enum! {
    /// The handling modes a licence covers (经营方式).
    Mode {
        Collect => "collect", ManifestModeCollect;
        Store => "store", ManifestModeStore;
        Utilize => "utilize", ManifestModeUtilize;
        Dispose => "dispose", ManifestModeDispose;
    }
}

code_enum! {
    /// Physical form of a waste line.
    PhysForm {
        Solid => "S", ManifestFormSolid;
        SemiSolid => "SS", ManifestFormSemiSolid;
        Liquid => "L", ManifestFormLiquid;
        Gas => "G", ManifestFormGas;
    }
}

code_enum! {
    /// The receiver's decision on a discrepancy.
    Decision {
        Accept => "accept", ManifestDecisionAccept;
        Partial => "partial", ManifestDecisionPartial;
        Reject => "reject", ManifestDecisionReject;
    }
}

code_enum! {
    /// Why a receiver rejects a shipment (拒收): the reason the generator is told, with the text.
    RejectReason {
        NotAsDeclared => "not_as_declared", ManifestRejectNotAsDeclared;
        OutsideLicence => "outside_licence", ManifestRejectOutsideLicence;
        Packaging => "packaging", ManifestRejectPackaging;
        OverCapacity => "over_capacity", ManifestRejectOverCapacity;
        Other => "other", ManifestRejectOther;
    }
}

code_enum! {
    /// The kind of a 危险废物经营许可证: 综合经营 (collection, storage, utilisation, disposal) or
    /// 收集经营 (collection only); the kind bounds the term.
    LicenceKind {
        Comprehensive => "comprehensive", ManifestLicenceComprehensive;
        Collect => "collect", ManifestLicenceCollect;
    }
}

code_enum! {
    /// What differs between the declaration and what arrived.
    DiscrepancyKind {
        Name => "name", ManifestDiffName;
        Quantity => "quantity", ManifestDiffQuantity;
        Hazard => "hazard", ManifestDiffHazard;
        Form => "form", ManifestDiffForm;
        Packaging => "packaging", ManifestDiffPackaging;
    }
}

/// Shandong's province code and Liaocheng's city code: the prefix of locally created numbers.
pub const PROVINCE: &str = "37";
pub const CITY: &str = "3715";

/// Province codes of GB/T 2260 (the first two digits of an area code): the 移出地 of every manifest
/// number starts with one of them.
pub const PROVINCES: [&str; 34] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82",
];

/// The first year of manifest numbers ecocase accepts (the national system's numbering under
/// 部令第23号, in force 2022-01-01).
pub const FIRST_NUMBER_YEAR: i32 = 2022;

/// What a manifest number is checked against besides its form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumberRules<'a> {
    /// A number typed for a manifest created here: Liaocheng's prefix of this year.
    pub local_year: Option<i32>,
    /// The current year: numbers run from [`FIRST_NUMBER_YEAR`] to the next year.
    pub this_year: i32,
    /// Numbers from the national system and paper manifests: digits 5-8 are the 移出地, the
    /// generator's city (Art. 15), as its 4-digit province + city code.
    pub generator_city: Option<&'a str>,
}

/// Checks a 14-digit manifest number: year (4) + province (2) + city (2) + serial (6). Full-width
/// digits and spaces are normalised. The year runs from 2022 to next year, the province is one of
/// GB/T 2260; a locally created manifest carries `YYYY3715` of its year, a national or paper one the
/// generator's city.
pub fn parse_number(raw: &str, rules: &NumberRules<'_>) -> Result<String, Text> {
    let n = normalize_code(raw);
    if n.is_empty() {
        return Err(Text::new(T::ManifestErrNumberEmpty));
    }
    if !n.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Text::new(T::ManifestErrNumberDigits).arg("value", &n));
    }
    if n.len() != 14 {
        return Err(Text::new(T::ManifestErrNumberLength).arg("n", n.len()));
    }
    let year: i32 = n[0..4].parse().unwrap_or(0);
    let last = rules.this_year.max(FIRST_NUMBER_YEAR) + 1;
    if !(FIRST_NUMBER_YEAR..=last).contains(&year) {
        return Err(Text::new(T::ManifestErrNumberYear)
            .arg("year", &n[0..4])
            .arg("first", FIRST_NUMBER_YEAR)
            .arg("last", last));
    }
    if !PROVINCES.contains(&&n[4..6]) || n[6..8] == *"00" {
        return Err(Text::new(T::ManifestErrNumberArea).arg("area", &n[4..8]));
    }
    if let Some(y) = rules.local_year
        && (year != y || &n[4..8] != CITY)
    {
        return Err(Text::new(T::ManifestErrNumberLocal).arg("prefix", format!("{y}{CITY}")));
    }
    if let Some(city) = rules.generator_city
        && city.len() == 4
        && &n[4..8] != city
    {
        return Err(Text::new(T::ManifestErrNumberCity)
            .arg("area", &n[4..8])
            .arg("city", city));
    }
    Ok(n)
}

/// The number of serial `seq` of the city in `year`.
pub fn local_number(year: i32, seq: i64) -> String {
    format!("{year}{CITY}{seq:06}")
}

/// The largest quantity one line may carry (a million tonnes): guards the integer arithmetic.
const MAX_KG: i64 = 1_000_000_000;

/// Parses a quantity in tonnes with at most 3 decimals into integer kilograms. Full-width digits and
/// the full-width point are accepted; zero, negatives and a 4th decimal are refused.
pub fn parse_tonnes(raw: &str) -> Result<i64, Text> {
    let s: String = halfwidth(raw.trim()).replace('。', ".");
    if s.is_empty() {
        return Err(Text::new(T::ManifestErrQtyEmpty));
    }
    if s.starts_with('-') {
        return Err(Text::new(T::ManifestErrQtyPositive));
    }
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return Err(Text::new(T::ManifestErrQtyNumber).arg("value", raw.trim()));
    }
    if frac.len() > 3 {
        return Err(Text::new(T::ManifestErrQtyDecimals).arg("value", raw.trim()));
    }
    if int.len() > 7 {
        return Err(Text::new(T::ManifestErrQtyTooLarge));
    }
    let whole: i64 = if int.is_empty() {
        0
    } else {
        int.parse().unwrap_or(0)
    };
    let mut part: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().unwrap_or(0)
    };
    for _ in frac.len()..3 {
        part *= 10;
    }
    let kg = whole * 1000 + part;
    if kg == 0 {
        return Err(Text::new(T::ManifestErrQtyPositive));
    }
    if kg > MAX_KG {
        return Err(Text::new(T::ManifestErrQtyTooLarge));
    }
    Ok(kg)
}

/// Integer kilograms shown as tonnes with 3 decimals (`1500` -> `1.500`).
pub fn format_tonnes(kg: i64) -> String {
    let sign = if kg < 0 { "-" } else { "" };
    let a = kg.unsigned_abs();
    format!("{sign}{}.{:03}", a / 1000, a % 1000)
}

/// Parses an entered time `YYYY-MM-DD HH:MM` (or a bare date, read as 00:00) into its stored form.
pub fn parse_time(raw: &str) -> Option<String> {
    let s = normalize_text(&halfwidth(raw));
    if let Ok(t) = NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M") {
        return Some(t.format("%Y-%m-%d %H:%M").to_string());
    }
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .ok()
        .map(|d| format!("{} 00:00", d.format("%Y-%m-%d")))
}

pub use crate::domain::manifest::lines::{
    CodeInfo, LegDraft, Line, LineDraft, check_code, uscc_text, validate_lines,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use proptest::prelude::*;

    #[test]
    fn numbers_good_and_bad() {
        let local = NumberRules {
            local_year: Some(2026),
            this_year: 2026,
            generator_city: None,
        };
        let any = NumberRules {
            this_year: 2026,
            ..NumberRules::default()
        };
        let liaocheng = NumberRules {
            this_year: 2026,
            generator_city: Some("3715"),
            ..NumberRules::default()
        };
        let cases: &[(&str, &NumberRules, Result<&str, &str>)] = &[
            ("20263715000001", &local, Ok("20263715000001")),
            ("２０２６３７１５０００００２", &local, Ok("20263715000002")),
            ("2026 3715 000003", &any, Ok("20263715000003")),
            ("20263201000001", &any, Ok("20263201000001")),
            ("20263201000001", &local, Err("20263715")),
            ("20253715000001", &local, Err("20263715")),
            ("2026371500001", &any, Err("13")),
            ("2026371500000A", &any, Err("2026371500000A")),
            ("19993715000001", &any, Err("1999")),
            // The case: year 2099 and an area that is no province.
            ("20999915000001", &any, Err("2099")),
            ("20219915000001", &any, Err("2022")),
            ("20279915000001", &any, Err("9915")),
            ("20273715000001", &any, Ok("20273715000001")),
            ("20280015000001", &any, Err("2028")),
            ("20260015000001", &any, Err("0015")),
            ("20269915000001", &any, Err("9915")),
            ("20263700000001", &any, Err("3700")),
            // A national-system number of a Liaocheng generator carries 3715 as its 移出地.
            ("20263715000009", &liaocheng, Ok("20263715000009")),
            ("20263701000009", &liaocheng, Err("3701")),
            ("", &any, Err("联单编号")),
        ];
        for (raw, rules, want) in cases {
            let got = parse_number(raw, rules).map_err(|t| t.render(Lang::Zh));
            match (want, got) {
                (Ok(w), Ok(g)) => assert_eq!(&g, w, "{raw}"),
                (Err(part), Err(msg)) => assert!(msg.contains(part), "{raw}: {msg}"),
                (w, g) => panic!("{raw}: wanted {w:?}, got {g:?}"),
            }
        }
    }

    #[test]
    fn quantities_good_and_bad() {
        assert_eq!(parse_tonnes("1.5"), Ok(1500));
        assert_eq!(parse_tonnes("0.001"), Ok(1));
        assert_eq!(parse_tonnes("１２．３４５"), Ok(12_345));
        assert_eq!(parse_tonnes("3"), Ok(3000));
        assert_eq!(parse_tonnes(".25"), Ok(250));
        let msg = |s: &str| parse_tonnes(s).map_err(|t| t.render(Lang::Zh)).err();
        assert!(msg("0").is_some_and(|m| m.contains("大于 0")));
        assert!(msg("0.000").is_some_and(|m| m.contains("大于 0")));
        assert!(msg("-1").is_some_and(|m| m.contains("大于 0")));
        assert!(msg("1.2345").is_some_and(|m| m.contains("3 位小数")));
        assert!(msg("一吨").is_some_and(|m| m.contains("一吨")));
        assert!(msg("").is_some());
        assert!(msg("99999999").is_some());
        assert_eq!(format_tonnes(1500), "1.500");
        assert_eq!(format_tonnes(7), "0.007");
    }

    #[test]
    fn times_are_normalised() {
        assert_eq!(
            parse_time("2026-03-02 08:30"),
            Some("2026-03-02 08:30".into())
        );
        assert_eq!(parse_time("2026-03-02"), Some("2026-03-02 00:00".into()));
        assert_eq!(parse_time("2026-13-02"), None);
    }

    proptest! {
        #[test]
        fn number_parser_never_panics(s in "\\PC{0,20}") {
            let _ = parse_number(&s, &NumberRules { local_year: Some(2026), this_year: 2026, generator_city: None });
        }

        #[test]
        fn valid_numbers_round_trip(year in 2022i32..2028, seq in 0i64..1_000_000) {
            let n = local_number(year, seq);
            let rules = NumberRules { local_year: Some(year), this_year: 2027, generator_city: Some(CITY) };
            prop_assert_eq!(parse_number(&n, &rules), Ok(n.clone()));
        }

        #[test]
        fn quantity_round_trips(kg in 1i64..1_000_000_000) {
            prop_assert_eq!(parse_tonnes(&format_tonnes(kg)), Ok(kg));
        }

        #[test]
        fn quantity_parser_never_panics(s in "\\PC{0,16}") {
            let _ = parse_tonnes(&s);
        }
    }
}
