//! Waste lines and carrier legs of a manifest as typed, and their validation: the code against its form,
//! the categories that exist and the 名录 edition in force; hazards (a warning when narrower than the
//! default); form; containers; quantity; and the carrier's fields and USCC.

use crate::domain::manifest::waste::{WasteCodeError, category_of, normalize_hazards};
use crate::domain::manifest::{PhysForm, parse_tonnes};
use crate::domain::text::{halfwidth, normalize_code, normalize_text};
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};

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
        Text::new(T::ManifestErrLine)
            .arg("n", n)
            .arg_text("msg", msg),
    )
}

/// Checks one waste code against its form, the categories that exist and the edition in force.
pub fn check_code(code: &str, edition: &str, info: Option<&CodeInfo>) -> Result<String, Text> {
    let category = match category_of(code) {
        Ok(c) => c,
        Err(WasteCodeError::Format) => {
            return Err(Text::new(T::ManifestErrCodeFormat).arg("value", code));
        }
        Err(WasteCodeError::Category(c)) => {
            return Err(Text::new(T::ManifestErrCodeCategory).arg("cat", format!("HW{c:02}")));
        }
    };
    let Some(info) = info else {
        return Err(Text::new(T::ManifestErrCodeUnknown)
            .arg("code", code)
            .arg("edition", edition));
    };
    if info.category != category {
        return Err(Text::new(T::ManifestErrCodeMismatch)
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
            Text::new(T::ManifestErrNoLines),
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
                Text::new(T::ManifestErrNameRequired),
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
                    Text::new(T::ManifestErrHazard).arg("value", bad),
                ));
                String::new()
            }
        };
        let shortfall = crate::domain::manifest::waste::hazard_shortfall(&default_hazard, &hazard);
        if let (false, Some(missing)) = (hazard.is_empty(), shortfall) {
            issues.push(FieldIssue::warning(
                "line.hazard",
                "hazard_narrower",
                Text::new(T::ManifestErrLine).arg("n", n).arg_text(
                    "msg",
                    Text::new(T::ManifestWarnHazardNarrower)
                        .arg("missing", missing)
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
                Text::new(T::ManifestErrForm).arg("value", d.form.trim()),
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
                Text::new(T::ManifestErrContainers).arg("value", d.containers.trim()),
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

/// The one-character province abbreviations of Chinese plates.
const PLATE_PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/// Whether `p` (normalised: no spaces, ASCII upper case) has a Chinese plate's form: province
/// character, issuing-office letter, then five letters or digits (ordinary), four and 挂 (trailer,
/// what most hazardous-goods semitrailers carry), or six with D/F first or last (new-energy). A
/// separator dot is ignored.
pub fn valid_plate(p: &str) -> bool {
    let chars: Vec<char> = p
        .chars()
        .filter(|c| !matches!(c, '·' | '-' | '.'))
        .collect();
    let alnum = |c: &char| c.is_ascii_digit() || c.is_ascii_uppercase();
    let (Some(first), Some(second)) = (chars.first(), chars.get(1)) else {
        return false;
    };
    if !PLATE_PROVINCES.contains(*first) || !second.is_ascii_uppercase() {
        return false;
    }
    let rest = &chars[2..];
    let energy = |c: &char| matches!(c, 'D' | 'F');
    match rest.len() {
        5 => {
            rest.iter().all(alnum)
                || (rest[..4].iter().all(alnum) && matches!(rest[4], '挂' | '学' | '警'))
        }
        6 => {
            rest.iter().all(alnum)
                && ((energy(&rest[0]) && rest[2..].iter().all(char::is_ascii_digit))
                    || (energy(&rest[5]) && rest[..5].iter().all(char::is_ascii_digit)))
        }
        _ => false,
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
                    Text::new(T::ManifestErrLeg)
                        .arg("n", n)
                        .arg_text("msg", Text::new(T::ErrRequired).arg_key("field", label)),
                ));
            }
        };
        need(
            "leg.carrier_name",
            T::ManifestFieldCarrier,
            &self.carrier_name,
        );
        need(
            "leg.transport_licence",
            T::ManifestFieldTransportLicence,
            &self.transport_licence,
        );
        need("leg.plate", T::ManifestFieldPlate, &self.plate);
        need("leg.driver", T::ManifestFieldDriver, &self.driver);
        if !self.plate.is_empty() && !valid_plate(&self.plate) {
            issues.push(FieldIssue::error(
                "leg.plate",
                "bad_plate",
                Text::new(T::ManifestErrLeg).arg("n", n).arg_text(
                    "msg",
                    Text::new(T::ManifestErrPlate).arg("value", &self.plate),
                ),
            ));
        }
        if let Err(e) = crate::domain::uscc::parse(&self.carrier_uscc) {
            issues.push(FieldIssue::error(
                "leg.carrier_uscc",
                "bad_uscc",
                Text::new(T::ManifestErrLeg)
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
                hazard: "T/In".into(),
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
            // 900-041-49 is `T/In` in the 名录: one of them is a legal declaration.
            (line("900-041-49", "T", "S", "1.2"), ""),
            (line("900-041-49", "C", "S", "1.2"), "hazard_narrower"),
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

    #[test]
    fn plates_in_the_chinese_forms() {
        for good in [
            "鲁P12345",
            "鲁PD12345",
            "鲁P12345D",
            "鲁PDA1234",
            "鲁P1234挂",
            "京A·8B8C8",
            "鲁Pab123",
        ] {
            let mut leg = LegDraft {
                carrier_name: "聊城危货运输有限公司".into(),
                carrier_uscc: "91130200699229617X".into(),
                transport_licence: "鲁交运管许可聊字371500001号".into(),
                plate: good.into(),
                driver: "王强".into(),
                escort: String::new(),
            };
            assert!(leg.validate(1).is_empty(), "{good}");
        }
        for bad in [
            "ABC",
            "鲁12345",
            "PP12345",
            "鲁P1234",
            "鲁P1234567",
            "鲁PX12345",
            "鲁P12345X",
        ] {
            assert!(!valid_plate(bad), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn code_check_never_panics(s in "\\PC{0,12}") {
            let _ = check_code(&s, "2025", None);
        }
    }
}
