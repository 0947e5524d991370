//! Property tests over the validators and the importer with arbitrary input: no panic on anything,
//! control characters never pass into stored text, accepted codes are well-formed, and spreadsheet
//! formulas leave the CSV writer inert.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use ecocase::domain::assistance::{Channel, RequestDraft, Urgency, validate_request};
use ecocase::domain::enterprise::{EnterpriseDraft, validate_draft};
use ecocase::domain::manifest::waste;
use ecocase::domain::uscc;
use ecocase::domain::validate::has_errors;
use ecocase::export::csv::guard;
use ecocase::service::enterprise::import_csv::{Encoding, read_csv};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

/// Text as hostile users and broken files produce it: CJK, full-width forms, controls, escapes,
/// bidi overrides, SQL and formulas.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[\\u{4e00}-\\u{4eff}]{1,4}",
        "[a-zA-Z0-9 ]{1,6}",
        "[\\u{ff01}-\\u{ff5e}\\u{3000}]{1,3}",
        "[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}]{1,2}",
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("'; DROP TABLE enterprise; --".to_string()),
        Just("=HYPERLINK(\"http://x\")".to_string()),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn enterprise_text_with_controls_is_refused_and_accepted_text_is_clean(
        name in hostile_text(),
        address in hostile_text(),
        contact in hostile_text(),
        code in "[0-9A-Z\\u{ff10}-\\u{ff19} ]{0,20}",
    ) {
        let mut d = EnterpriseDraft {
            uscc: code,
            name: name.clone(),
            address: address.clone(),
            contact: contact.clone(),
            region_code: "371502".into(),
            ..Default::default()
        };
        let issues = validate_draft(&mut d, |r| r == "371502", today());
        for (field, raw) in [("name", &name), ("address", &address), ("contact", &contact)] {
            if has_control(raw.trim()) {
                prop_assert!(
                    issues.iter().any(|i| i.field == field && i.is_error()),
                    "{field} {raw:?} passed"
                );
            }
        }
        if !has_errors(&issues) {
            prop_assert!(!has_control(&d.name) && !has_control(&d.address) && !has_control(&d.contact));
            prop_assert!(uscc::parse(&d.uscc).is_ok() || !d.uscc_reason.is_empty() || d.uscc.is_empty());
        }
    }

    #[test]
    fn request_descriptions_never_store_controls(description in hostile_text()) {
        let mut d = RequestDraft {
            enterprise_id: Some(1),
            services: vec!["S01".into()],
            description: description.clone(),
            urgency: Urgency::Normal,
            channel: Channel::SelfService,
            wished_date: String::new(),
        };
        let issues = validate_request(&mut d, |_| true, today());
        if !has_errors(&issues) {
            prop_assert!(!has_control(&d.description), "{description:?} passed");
        }
    }

    #[test]
    fn uscc_parse_accepts_only_well_formed_codes(input in "\\PC{0,24}") {
        if let Ok(code) = uscc::parse(&input) {
            prop_assert_eq!(code.chars().count(), 18);
            prop_assert_eq!(uscc::check_char(&code[..17]), code.chars().last());
        }
    }

    #[test]
    fn waste_parsers_never_panic(code in "\\PC{0,14}", hazards in "\\PC{0,10}") {
        if let Ok(cat) = waste::category_of(&code) {
            prop_assert!(cat.starts_with("HW"));
        }
        let _ = waste::normalize_hazards(&hazards);
    }

    #[test]
    fn the_csv_reader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for enc in [Encoding::Auto, Encoding::Utf8, Encoding::Gbk] {
            if let Ok(table) = read_csv(&bytes, enc) {
                prop_assert!(table.rows.len() + table.bad_rows.len() <= bytes.len());
            }
        }
    }

    #[test]
    fn csv_rows_of_hostile_cells_read_back_cell_for_cell(
        cells in proptest::collection::vec(hostile_text(), 1..5),
    ) {
        // One data row under the Chinese headers; quoting as a spreadsheet writes it.
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let row: Vec<String> = cells.iter().map(|c| quote(c)).collect();
        let mut file = String::from("统一社会信用代码,企业名称,地址,联系人,备注\n");
        file.push_str(&row.join(","));
        file.push('\n');
        let _ = read_csv(file.as_bytes(), Encoding::Auto);
    }

    #[test]
    fn formula_cells_always_leave_the_csv_writer_inert(cell in hostile_text(), lead in "[=+\\-@\\t\\r]") {
        // A plain signed number is no formula and stays as it is.
        prop_assume!(!cell.chars().all(|c| c.is_ascii_digit()));
        let formula = format!("{lead}{cell}");
        let guarded = guard(&formula);
        prop_assert!(guarded.starts_with('\''));
        prop_assert_eq!(&guarded[1..], formula.as_str());
        if !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            let number = format!("-{}", cell.len());
            let kept = guard(&number);
            prop_assert_eq!(kept.as_ref(), number.as_str());
            let same = guard(&cell);
            prop_assert_eq!(same.as_ref(), cell.as_str());
        }
    }
}
