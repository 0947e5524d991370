//! 危险废物转移联单 (domain.md §3): the enumerations, the manifest number, quantities in integer
//! kilograms (tonnes x 1000), entered times, and the waste lines and carrier legs of a draft.
//! The state machine and the cross-checks are in `manifest_rules`, the deadlines in `manifest_deadlines`.

use crate::domain::codes::code_enum;
use crate::domain::text::{halfwidth, normalize_code, normalize_text};
use crate::domain::validate::FieldIssue;
use crate::domain::waste::{WasteCodeError, category_of, normalize_hazards};
use crate::i18n::{T, Text};
use chrono::{NaiveDate, NaiveDateTime};

code_enum! {
    /// Where a manifest is in its life.
    MfState {
        Draft => "draft", MfStateDraft;
        PendingTransport => "pending_transport", MfStatePendingTransport;
        InTransit => "in_transit", MfStateInTransit;
        AwaitingReceipt => "awaiting_receipt", MfStateAwaitingReceipt;
        Discrepancy => "discrepancy", MfStateDiscrepancy;
        Received => "received", MfStateReceived;
        Completed => "completed", MfStateCompleted;
        Rejected => "rejected", MfStateRejected;
        Cancelled => "cancelled", MfStateCancelled;
        PendingBackfill => "pending_backfill", MfStatePendingBackfill;
        Backfilled => "backfilled", MfStateBackfilled;
    }
}

code_enum! {
    /// Who created the number: ecocase (the city's serial), the national system, or a paper manifest.
    Origin {
        Local => "local", MfOriginLocal;
        National => "national", MfOriginNational;
        Paper => "paper", MfOriginPaper;
    }
}

code_enum! {
    /// The handling modes a licence covers (经营方式).
    Mode {
        Collect => "collect", MfModeCollect;
        Store => "store", MfModeStore;
        Utilize => "utilize", MfModeUtilize;
        Dispose => "dispose", MfModeDispose;
    }
}

code_enum! {
    /// Physical form of a waste line.
    PhysForm {
        Solid => "S", MfFormSolid;
        SemiSolid => "SS", MfFormSemiSolid;
        Liquid => "L", MfFormLiquid;
        Gas => "G", MfFormGas;
    }
}

code_enum! {
    /// The receiver's decision on a discrepancy.
    Decision {
        Accept => "accept", MfDecisionAccept;
        Partial => "partial", MfDecisionPartial;
        Reject => "reject", MfDecisionReject;
    }
}

code_enum! {
    /// What differs between the declaration and what arrived.
    DiscrepancyKind {
        Name => "name", MfDiffName;
        Quantity => "quantity", MfDiffQuantity;
        Hazard => "hazard", MfDiffHazard;
        Form => "form", MfDiffForm;
        Packaging => "packaging", MfDiffPackaging;
    }
}

/// Shandong's province code and Liaocheng's city code: the prefix of locally created numbers.
pub const PROVINCE: &str = "37";
pub const CITY: &str = "3715";

/// Checks a 14-digit manifest number: year (4) + province (2) + city (2) + serial (6). Full-width
/// digits and spaces are normalised. A locally created manifest must carry `YYYY3715` of its year.
pub fn parse_number(raw: &str, local_year: Option<i32>) -> Result<String, Text> {
    let n = normalize_code(raw);
    if n.is_empty() {
        return Err(Text::new(T::MfErrNumberEmpty));
    }
    if !n.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Text::new(T::MfErrNumberDigits).arg("value", &n));
    }
    if n.len() != 14 {
        return Err(Text::new(T::MfErrNumberLength).arg("n", n.len()));
    }
    let year: i32 = n[0..4].parse().unwrap_or(0);
    if !(2000..=2099).contains(&year) {
        return Err(Text::new(T::MfErrNumberYear).arg("year", &n[0..4]));
    }
    if n[4..6] == *"00" || n[6..8] == *"00" {
        return Err(Text::new(T::MfErrNumberArea).arg("area", &n[4..8]));
    }
    if let Some(y) = local_year
        && (year != y || &n[4..8] != CITY)
    {
        return Err(Text::new(T::MfErrNumberLocal).arg("prefix", format!("{y}{CITY}")));
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
        return Err(Text::new(T::MfErrQtyEmpty));
    }
    if s.starts_with('-') {
        return Err(Text::new(T::MfErrQtyPositive));
    }
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return Err(Text::new(T::MfErrQtyNumber).arg("value", raw.trim()));
    }
    if frac.len() > 3 {
        return Err(Text::new(T::MfErrQtyDecimals).arg("value", raw.trim()));
    }
    if int.len() > 7 {
        return Err(Text::new(T::MfErrQtyTooLarge));
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
        return Err(Text::new(T::MfErrQtyPositive));
    }
    if kg > MAX_KG {
        return Err(Text::new(T::MfErrQtyTooLarge));
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

/// The date part of a stored entered time.
pub fn date_of(stored: &str) -> Option<NaiveDate> {
    stored
        .get(0..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// A waste line as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineDraft {
    pub code: String,
    pub name: String,
    pub hazard: String,
    pub form: String,
    pub components: String,
    pub harmful: String,
    pub packaging: String,
    pub containers: String,
    pub quantity: String,
}

/// What the 名录 edition in force says about a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeInfo {
    pub category: String,
    pub description: String,
    pub hazard: String,
}

/// A waste line that passed validation, ready to store.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Line {
    pub seq: i64,
    pub code: String,
    pub category: String,
    pub name: String,
    pub hazard: String,
    pub form: String,
    pub components: String,
    pub harmful: String,
    pub packaging: String,
    pub containers: i64,
    pub quantity_kg: i64,
    pub received_kg: Option<i64>,
    pub received_containers: Option<i64>,
}

fn line_issue(field: &'static str, code: &'static str, n: usize, msg: Text) -> FieldIssue {
    FieldIssue::error(
        field,
        code,
        Text::new(T::MfErrLine).arg("n", n).arg_text("msg", msg),
    )
}

/// Checks one waste code against its form, the categories that exist and the edition in force.
pub fn check_code(code: &str, edition: &str, info: Option<&CodeInfo>) -> Result<String, Text> {
    let category = match category_of(code) {
        Ok(c) => c,
        Err(WasteCodeError::Format) => {
            return Err(Text::new(T::MfErrCodeFormat).arg("value", code));
        }
        Err(WasteCodeError::Category(c)) => {
            return Err(Text::new(T::MfErrCodeCategory).arg("cat", format!("HW{c:02}")));
        }
    };
    let Some(info) = info else {
        return Err(Text::new(T::MfErrCodeUnknown)
            .arg("code", code)
            .arg("edition", edition));
    };
    if info.category != category {
        return Err(Text::new(T::MfErrCodeMismatch)
            .arg("code", code)
            .arg("cat", &info.category));
    }
    Ok(category)
}

/// Validates the waste lines against the edition in force (`lookup` finds a code in it). Errors block;
/// a hazard list narrower than the 名录 default is a warning.
pub fn validate_lines(
    drafts: &[LineDraft],
    edition: &str,
    lookup: impl Fn(&str) -> Option<CodeInfo>,
) -> (Vec<Line>, Vec<FieldIssue>) {
    let mut lines = Vec::new();
    let mut issues = Vec::new();
    if drafts.is_empty() {
        issues.push(FieldIssue::error(
            "lines",
            "no_lines",
            Text::new(T::MfErrNoLines),
        ));
    }
    for (i, d) in drafts.iter().enumerate() {
        let n = i + 1;
        let code = normalize_code(&d.code);
        let info = lookup(&code);
        let category = match check_code(&code, edition, info.as_ref()) {
            Ok(c) => Some(c),
            Err(t) => {
                issues.push(line_issue("line.code", "bad_code", n, t));
                None
            }
        };
        let name = normalize_text(&d.name);
        if name.is_empty() {
            issues.push(line_issue(
                "line.name",
                "required",
                n,
                Text::new(T::MfErrNameRequired),
            ));
        }
        let default_hazard = info.as_ref().map(|i| i.hazard.clone()).unwrap_or_default();
        let hazard = match normalize_hazards(&d.hazard) {
            Ok(h) if h.is_empty() => default_hazard.clone(),
            Ok(h) => h,
            Err(bad) => {
                issues.push(line_issue(
                    "line.hazard",
                    "bad_hazard",
                    n,
                    Text::new(T::MfErrHazard).arg("value", bad),
                ));
                String::new()
            }
        };
        let missing: Vec<&str> = default_hazard
            .split(',')
            .filter(|h| !h.is_empty() && !hazard.split(',').any(|x| x == *h))
            .collect();
        if !hazard.is_empty() && !missing.is_empty() {
            issues.push(FieldIssue::warning(
                "line.hazard",
                "hazard_narrower",
                Text::new(T::MfErrLine).arg("n", n).arg_text(
                    "msg",
                    Text::new(T::MfWarnHazardNarrower)
                        .arg("missing", missing.join(","))
                        .arg("default", &default_hazard),
                ),
            ));
        }
        let form = PhysForm::parse(&halfwidth(&d.form).to_ascii_uppercase())
            .or_else(|| PhysForm::parse(&d.form));
        if form.is_none() {
            issues.push(line_issue(
                "line.form",
                "bad_form",
                n,
                Text::new(T::MfErrForm).arg("value", d.form.trim()),
            ));
        }
        let containers = match halfwidth(d.containers.trim()).as_str() {
            "" => Some(0),
            s => s
                .parse::<i64>()
                .ok()
                .filter(|c| (0..=1_000_000).contains(c)),
        };
        if containers.is_none() {
            issues.push(line_issue(
                "line.containers",
                "bad_containers",
                n,
                Text::new(T::MfErrContainers).arg("value", d.containers.trim()),
            ));
        }
        let quantity = parse_tonnes(&d.quantity)
            .map_err(|t| issues.push(line_issue("line.quantity", "bad_quantity", n, t)))
            .ok();
        if let (Some(category), Some(form), Some(containers), Some(quantity_kg)) =
            (category, form, containers, quantity)
        {
            lines.push(Line {
                seq: i64::try_from(n).unwrap_or(0),
                code,
                category,
                name,
                hazard,
                form: form.code().to_string(),
                components: normalize_text(&d.components),
                harmful: normalize_text(&d.harmful),
                packaging: normalize_text(&d.packaging),
                containers,
                quantity_kg,
                received_kg: None,
                received_containers: None,
            });
        }
    }
    (lines, issues)
}

/// The message for a malformed USCC of a carrier or receiver.
pub fn uscc_text(e: crate::domain::uscc::UsccError) -> Text {
    use crate::domain::uscc::UsccError;
    match e {
        UsccError::Length(len) => Text::new(T::ErrUsccLength).arg("len", len),
        UsccError::BadChar { pos, ch } => Text::new(T::ErrUsccChar).arg("pos", pos).arg("ch", ch),
        UsccError::Checksum { expected } => Text::new(T::ErrUsccCheck).arg("expected", expected),
    }
}

/// A carrier leg as typed (the first leg is part of the draft; later ones are added at hand-over).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct LegDraft {
    pub carrier_name: String,
    pub carrier_uscc: String,
    pub transport_licence: String,
    pub plate: String,
    pub driver: String,
    pub escort: String,
}

impl LegDraft {
    /// Normalises the fields and lists what is missing or malformed, naming the leg.
    pub fn validate(&mut self, n: usize) -> Vec<FieldIssue> {
        self.carrier_name = normalize_text(&self.carrier_name);
        self.carrier_uscc = normalize_code(&self.carrier_uscc);
        self.transport_licence = normalize_text(&self.transport_licence);
        self.plate = normalize_code(&self.plate);
        self.driver = normalize_text(&self.driver);
        self.escort = normalize_text(&self.escort);
        let mut issues = Vec::new();
        let mut need = |field: &'static str, label: T, v: &str| {
            if v.is_empty() {
                issues.push(FieldIssue::error(
                    field,
                    "required",
                    Text::new(T::MfErrLeg)
                        .arg("n", n)
                        .arg_text("msg", Text::new(T::ErrRequired).arg_key("field", label)),
                ));
            }
        };
        need("leg.carrier_name", T::MfFieldCarrier, &self.carrier_name);
        need(
            "leg.transport_licence",
            T::MfFieldTransportLicence,
            &self.transport_licence,
        );
        need("leg.plate", T::MfFieldPlate, &self.plate);
        need("leg.driver", T::MfFieldDriver, &self.driver);
        if let Err(e) = crate::domain::uscc::parse(&self.carrier_uscc) {
            issues.push(FieldIssue::error(
                "leg.carrier_uscc",
                "bad_uscc",
                Text::new(T::MfErrLeg)
                    .arg("n", n)
                    .arg_text("msg", uscc_text(e)),
            ));
        }
        issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use proptest::prelude::*;

    #[test]
    fn numbers_good_and_bad() {
        let cases: &[(&str, Option<i32>, Result<&str, &str>)] = &[
            ("20263715000001", Some(2026), Ok("20263715000001")),
            (
                "２０２６３７１５０００００２",
                Some(2026),
                Ok("20263715000002"),
            ),
            ("2026 3715 000003", None, Ok("20263715000003")),
            ("20263201000001", None, Ok("20263201000001")),
            ("20263201000001", Some(2026), Err("20263715")),
            ("20253715000001", Some(2026), Err("20263715")),
            ("2026371500001", None, Err("13")),
            ("2026371500000A", None, Err("2026371500000A")),
            ("19993715000001", None, Err("1999")),
            ("20260015000001", None, Err("0015")),
            ("", None, Err("联单编号")),
        ];
        for (raw, local, want) in cases {
            let got = parse_number(raw, *local).map_err(|t| t.render(Lang::Zh));
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
        assert_eq!(
            date_of("2026-03-02 08:30").map(|d| d.to_string()),
            Some("2026-03-02".into())
        );
    }

    fn lookup(code: &str) -> Option<CodeInfo> {
        match code {
            "900-249-08" => Some(CodeInfo {
                category: "HW08".into(),
                description: "废矿物油".into(),
                hazard: "T,I".into(),
            }),
            "900-041-49" => Some(CodeInfo {
                category: "HW49".into(),
                description: "废弃包装物".into(),
                hazard: "T,In".into(),
            }),
            _ => None,
        }
    }

    fn line(code: &str, hazard: &str, form: &str, qty: &str) -> LineDraft {
        LineDraft {
            code: code.into(),
            name: "废机油".into(),
            hazard: hazard.into(),
            form: form.into(),
            quantity: qty.into(),
            containers: "4".into(),
            ..LineDraft::default()
        }
    }

    #[test]
    fn lines_are_checked_against_the_edition() {
        let cases: &[(LineDraft, &str)] = &[
            (line("900-249-08", "T,I", "L", "1.2"), ""),
            (line("900-249-08", "", "液态", "1.2"), ""),
            (line("900-249-08", "T", "L", "1.2"), "hazard_narrower"),
            (line("900-249-8", "T", "L", "1"), "bad_code"),
            (line("900-000-42", "T", "L", "1"), "bad_code"),
            (line("900-999-08", "T", "L", "1"), "bad_code"),
            (line("900-249-08", "T,X", "L", "1"), "bad_hazard"),
            (line("900-249-08", "T,I", "泥", "1"), "bad_form"),
            (line("900-249-08", "T,I", "L", "0"), "bad_quantity"),
        ];
        for (d, want) in cases {
            let (lines, issues) = validate_lines(std::slice::from_ref(d), "2025", lookup);
            if want.is_empty() {
                assert!(issues.is_empty(), "{d:?}: {issues:?}");
                assert_eq!(lines.len(), 1);
            } else {
                assert!(issues.iter().any(|i| i.code == *want), "{d:?}: {issues:?}");
            }
        }
        let (lines, _) = validate_lines(&[line("900-249-08", "", "液态", "1.2")], "2025", lookup);
        assert_eq!(lines[0].hazard, "T,I");
        assert_eq!(lines[0].form, "L");
        assert_eq!(lines[0].quantity_kg, 1200);
        let (_, issues) = validate_lines(&[], "2025", lookup);
        assert_eq!(issues[0].code, "no_lines");
    }

    #[test]
    fn category_41_to_44_named_in_the_message() {
        let (_, issues) = validate_lines(&[line("261-001-43", "T", "S", "1")], "2025", lookup);
        let msg = issues[0].render(Lang::Zh);
        assert!(msg.contains("HW43") && msg.contains("第 1 行"), "{msg}");
    }

    #[test]
    fn legs_need_carrier_plate_driver_and_a_good_uscc() {
        let mut leg = LegDraft {
            carrier_name: "聊城危货运输有限公司".into(),
            carrier_uscc: "91130200699229617X".into(),
            transport_licence: "鲁交运管许可聊字371500001号".into(),
            plate: "鲁P12345".into(),
            driver: "王强".into(),
            escort: String::new(),
        };
        assert!(leg.validate(1).is_empty());
        leg.plate.clear();
        leg.carrier_uscc = "91130200699229617A".into();
        let codes: Vec<_> = leg.validate(2).iter().map(|i| i.field).collect();
        assert_eq!(codes, vec!["leg.plate", "leg.carrier_uscc"]);
    }

    proptest! {
        #[test]
        fn number_parser_never_panics(s in "\\PC{0,20}") {
            let _ = parse_number(&s, Some(2026));
        }

        #[test]
        fn valid_numbers_round_trip(year in 2000i32..2100, seq in 0i64..1_000_000) {
            let n = local_number(year, seq);
            prop_assert_eq!(parse_number(&n, Some(year)), Ok(n.clone()));
        }

        #[test]
        fn quantity_round_trips(kg in 1i64..1_000_000_000) {
            prop_assert_eq!(parse_tonnes(&format_tonnes(kg)), Ok(kg));
        }

        #[test]
        fn quantity_parser_never_panics(s in "\\PC{0,16}") {
            let _ = parse_tonnes(&s);
        }

        #[test]
        fn code_check_never_panics(s in "\\PC{0,12}") {
            let _ = check_code(&s, "2025", None);
        }
    }
}
