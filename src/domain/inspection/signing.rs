//! What signing the record (签署笔录) needs beyond the transition's fields: every checklist item answered,
//! a conclusion that agrees with the answers and findings, and the people present (or the enterprise's
//! refusal with its witness). Pure: the facts are counted by the caller.

use crate::domain::inspection::{Conclusion, EventInput, Signature};
use crate::i18n::{T, Text};

/// The recorded facts of an inspection at the moment it is signed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignFacts {
    /// Items of the published checklist.
    pub items: usize,
    /// Items answered 符合 / 不符合 / 不适用.
    pub answered: usize,
    /// Items answered 不符合.
    pub failed: usize,
    /// Findings recorded (corrections not counted twice).
    pub findings: usize,
    /// Enterprise people recorded as present (在场人员).
    pub present: usize,
    /// Evidence items, for the confirmation.
    pub evidence: usize,
}

/// Refuses a signature the recorded facts contradict; the first problem found is returned.
pub fn check_signing(f: &SignFacts, input: &EventInput) -> Result<(), Text> {
    if f.answered < f.items {
        return Err(Text::new(T::InspectionErrUnanswered)
            .arg("n", f.items - f.answered)
            .arg("total", f.items));
    }
    match input.conclusion {
        Some(Conclusion::NoIssue) if f.failed > 0 || f.findings > 0 => {
            return Err(Text::new(T::InspectionErrNoIssueContradicts)
                .arg("failed", f.failed)
                .arg("findings", f.findings));
        }
        Some(c) if c != Conclusion::NoIssue && f.findings == 0 => {
            return Err(
                Text::new(T::InspectionErrConclusionNeedsFinding).arg_key("conclusion", c.label())
            );
        }
        _ => {}
    }
    let refused_with_witness =
        input.signature == Some(Signature::Refused) && !input.witness.trim().is_empty();
    if f.present == 0 && !refused_with_witness {
        return Err(Text::new(T::InspectionErrNobodyPresent));
    }
    Ok(())
}

/// What the confirmation before signing lists: what becomes locked.
pub fn lock_summary(f: &SignFacts, input: &EventInput) -> Text {
    Text::new(T::InspectionConfirmSign)
        .arg("answered", f.answered)
        .arg("findings", f.findings)
        .arg("evidence", f.evidence)
        .arg("present", f.present)
        .arg_key(
            "conclusion",
            input.conclusion.map_or(T::None_, Conclusion::label),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn input(c: Conclusion, sig: Signature, witness: &str) -> EventInput {
        EventInput {
            conclusion: Some(c),
            signature: Some(sig),
            witness: witness.into(),
            record_text: "笔录".into(),
            ..EventInput::default()
        }
    }

    fn zh(r: Result<(), Text>) -> String {
        r.err().map(|t| t.render(Lang::Zh)).unwrap_or_default()
    }

    #[test]
    fn the_issue_case_is_refused_item_by_item() {
        // JC-371502-2026-00138: 1 of 7 answered, one 不符合, a finding, nobody present, 未发现问题.
        let mut f = SignFacts {
            items: 7,
            answered: 1,
            failed: 1,
            findings: 1,
            present: 0,
            evidence: 0,
        };
        let signed = input(Conclusion::NoIssue, Signature::Signed, "");
        assert!(zh(check_signing(&f, &signed)).contains("6 项未作答"));
        f.answered = 7;
        assert!(zh(check_signing(&f, &signed)).contains("未发现问题"));
        let order = input(Conclusion::Order, Signature::Signed, "");
        assert!(zh(check_signing(&f, &order)).contains("在场人员"));
        f.present = 1;
        assert_eq!(check_signing(&f, &order), Ok(()));
    }

    #[test]
    fn conclusions_agree_with_findings_and_refusal_needs_a_witness() {
        let clean = SignFacts {
            items: 2,
            answered: 2,
            present: 0,
            ..SignFacts::default()
        };
        assert!(
            zh(check_signing(
                &clean,
                &input(Conclusion::Order, Signature::Signed, "")
            ))
            .contains("责令改正")
        );
        assert!(check_signing(&clean, &input(Conclusion::NoIssue, Signature::Signed, "")).is_err());
        assert_eq!(
            check_signing(
                &clean,
                &input(Conclusion::NoIssue, Signature::Refused, "村委会 王某")
            ),
            Ok(())
        );
        let summary = lock_summary(&clean, &input(Conclusion::NoIssue, Signature::Signed, ""));
        assert!(summary.render(Lang::Zh).contains("未发现问题"));
    }
}
