//! Recording an inspection: the transitions of the visit (start, end, sign, archive, cancel), checklist
//! answers, representatives, findings and evidence (hashed from the file). Findings and evidence are
//! append-only and locked once the record is signed; corrections are new items with a reason.

use crate::domain::account::{Action, Role};
use crate::domain::inspection::rules::check_lock;
use crate::domain::inspection::signing::{SignFacts, check_signing};
use crate::domain::inspection::{
    Answer, Conclusion, Event, EventInput, EvidenceKind, InspectionState, Severity, next_state,
};
use crate::i18n::{T, Text};
use crate::service::inspection::recusal::decided_on;
use crate::service::inspection::{refused, vet_officers};
use crate::service::{Result, ServiceError};
use crate::store::account;
use crate::store::db::new_uid;
use crate::store::inspection::{self as store, Evidence, Finding, Inspection};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

/// A finding to add (or a correction of an earlier one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindingInput {
    pub description: String,
    pub provision: String,
    pub severity: Option<Severity>,
    pub minor_no_penalty: bool,
    pub evidence_refs: String,
    pub corrects: Option<i64>,
    pub reason: String,
}

/// An evidence item to add: the file is read and hashed when it is recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceInput {
    pub kind: EvidenceKind,
    pub path: String,
    pub description: String,
    pub corrects: Option<i64>,
    pub reason: String,
    /// The number (within the inspection, #1, #2 …) of the finding it supports.
    pub finding_no: Option<i64>,
}

/// SHA-256 (hex) of a file's bytes, read in blocks.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

impl crate::service::Inspections<'_> {
    /// The inspection, if the actor may record on it: an officer on it, or a supervisor.
    fn recordable(&self, id: i64) -> Result<Inspection> {
        self.require(Action::InspectionRecord)?;
        let x = self.get(id)?;
        self.check(
            Action::InspectionRecord,
            crate::domain::account::Target::record(&x.region_code, x.enterprise_id),
        )?;
        let is_officer = store::officers(&self.conn, id)?
            .iter()
            .any(|o| o.user_id == self.actor.user_id);
        if !is_officer && !self.actor.has(Role::Supervisor) {
            return Err(refused(Text::new(T::InspectionErrNotOfficer)));
        }
        Ok(x)
    }

    /// A transition of the visit: 开始检查, 结束现场检查, 签署笔录, 归档, 取消. `row_version` is the
    /// version the person saw (optimistic concurrency).
    pub fn transition(
        &self,
        id: i64,
        row_version: i64,
        event: Event,
        input: &EventInput,
    ) -> Result<Inspection> {
        let before = match event {
            Event::Archive | Event::Cancel => {
                self.require(Action::InspectionApprove)?;
                let x = self.get(id)?;
                self.check(
                    Action::InspectionApprove,
                    crate::domain::account::Target::record(&x.region_code, x.enterprise_id),
                )?;
                x
            }
            Event::Recheck | Event::TransferCase => {
                return Err(refused(
                    Text::new(T::InspectionErrTransition)
                        .arg_key("event", event.label())
                        .arg_key("state", T::InspectionStRectifying),
                ));
            }
            _ => self.recordable(id)?,
        };
        if !event.roles().iter().any(|r| self.actor.has(*r)) {
            return Err(ServiceError::Forbidden(Action::InspectionApprove));
        }
        if before.row_version != row_version {
            return Err(ServiceError::Conflict {
                by: before.updated_by.clone(),
                at: before.updated_at.to_string(),
            });
        }
        let to = next_state(before.state, event, input).map_err(refused)?;
        if event == Event::Sign {
            check_signing(&self.sign_facts(id)?, input).map_err(refused)?;
        }
        self.write(|w| {
            let (now, at) = (w.now().to_string(), w.at());
            let mut x = before.clone();
            x.state = to;
            match event {
                Event::Schedule => {}
                Event::Start => {
                    // The officers must be valid on the day the check actually starts.
                    let ids: Vec<i64> = store::officers(&self.conn, id)?
                        .iter()
                        .map(|o| o.user_id)
                        .collect();
                    vet_officers(
                        &self.conn,
                        x.enterprise_id,
                        &ids,
                        self.today(),
                        &decided_on(&self.conn, id)?,
                    )?;
                    x.started_at = Some(at);
                }
                Event::EndVisit => x.ended_at = Some(at),
                Event::Sign => {
                    x.conclusion = input.conclusion;
                    x.signature = input.signature;
                    x.witness = input.witness.trim().to_string();
                    x.record_text = input.record_text.trim().to_string();
                    x.signed_at = Some(at);
                }
                Event::Cancel => x.cancel_reason = input.reason.trim().to_string(),
                Event::Archive | Event::Recheck | Event::TransferCase => {}
            }
            let actor = w.actor();
            let note = if event == Event::Sign {
                input.conclusion.map(|c| c.code()).unwrap_or("").to_string()
            } else {
                input.reason.trim().to_string()
            };
            store::save(w, &x, &actor.uid, &now)?;
            crate::store::history::append(
                w,
                crate::store::history::Table::Inspection,
                &crate::store::history::NewRow {
                    id,
                    event: event.code(),
                    from: before.state.code(),
                    to: to.code(),
                    note: &note,
                    at: &now,
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            let after = store::get(w, id)?;
            w.audit(event.code(), Some(&before), &after)?;
            Ok(after)
        })
    }

    /// Answers one checklist item (while the visit or its record is open).
    pub fn answer(&self, id: i64, item: &str, answer: Answer, note: &str) -> Result<()> {
        let x = self.recordable(id)?;
        if x.signed_at.is_some()
            || !matches!(
                x.state,
                InspectionState::InProgress | InspectionState::RecordPending
            )
        {
            return Err(refused(Text::new(T::InspectionErrLocked)));
        }
        let items = store::checklist(&self.conn)?;
        let Some(item) = items.into_iter().find(|i| i.code == item) else {
            return Err(refused(
                Text::new(T::InspectionErrChecklistItem).arg("item", item),
            ));
        };
        self.write(|w| {
            store::set_answer(w, id, &item, answer, note.trim())?;
            let after = serde_json::json!({"item": item.code, "version": item.version,
                "answer": answer.code(), "note": note.trim()});
            w.audit_json(
                "update",
                "insp_answer",
                &format!("{}:{}", x.uid, item.code),
                None,
                Some(&after),
            )?;
            Ok(())
        })
    }

    /// Adds an enterprise representative present at the visit.
    pub fn add_representative(&self, id: i64, name: &str, position: &str) -> Result<()> {
        let x = self.recordable(id)?;
        if x.signed_at.is_some() {
            return Err(refused(Text::new(T::InspectionErrLocked)));
        }
        if name.trim().is_empty() {
            return Err(refused(
                Text::new(T::InspectionErrRequired)
                    .arg_key("field", T::InspectionFieldRepresentative),
            ));
        }
        self.write(|w| {
            store::add_representative(w, id, name.trim(), position.trim())?;
            let after = serde_json::json!({"name": name.trim(), "position": position.trim()});
            w.audit_json("create", "insp_representative", &x.uid, None, Some(&after))?;
            Ok(())
        })
    }

    fn check_item_lock(&self, x: &Inspection, corrects: Option<i64>, reason: &str) -> Result<()> {
        if !matches!(
            x.state,
            InspectionState::InProgress | InspectionState::RecordPending
        ) && x.signed_at.is_none()
        {
            return Err(refused(Text::new(T::InspectionErrLocked)));
        }
        check_lock(x.signed_at.is_some(), corrects, reason).map_err(refused)
    }

    /// Adds a finding; after signature only as a correction of an earlier one, with a reason.
    pub fn add_finding(&self, id: i64, input: &FindingInput) -> Result<Finding> {
        let x = self.recordable(id)?;
        self.check_item_lock(&x, input.corrects, &input.reason)?;
        if input.description.trim().is_empty() {
            return Err(refused(
                Text::new(T::InspectionErrRequired).arg_key("field", T::InspectionFieldFinding),
            ));
        }
        let Some(severity) = input.severity else {
            return Err(refused(
                Text::new(T::InspectionErrRequired).arg_key("field", T::InspectionFieldSeverity),
            ));
        };
        if let Some(c) = input.corrects
            && !store::findings(&self.conn, id)?.iter().any(|f| f.id == c)
        {
            return Err(ServiceError::NotFound);
        }
        self.write(|w| {
            let mut f = Finding {
                id: 0,
                no: 0,
                uid: new_uid(),
                description: input.description.trim().to_string(),
                provision: input.provision.trim().to_string(),
                severity,
                minor_no_penalty: input.minor_no_penalty,
                evidence_refs: input.evidence_refs.trim().to_string(),
                corrects_id: input.corrects,
                correction_reason: input.reason.trim().to_string(),
                created_at: w.at(),
                created_by: w.actor().uid.clone(),
            };
            f.id = store::insert_finding(w, id, &f)?;
            w.audit("create", None, &f)?;
            Ok(f)
        })
    }

    /// Adds an evidence item: the file at `path` is hashed (SHA-256) now; after signature only as a
    /// correction of an earlier item, with a reason.
    pub fn add_evidence(&self, id: i64, input: &EvidenceInput) -> Result<Evidence> {
        let x = self.recordable(id)?;
        self.check_item_lock(&x, input.corrects, &input.reason)?;
        let path = input.path.trim();
        if path.is_empty() {
            return Err(refused(
                Text::new(T::InspectionErrRequired)
                    .arg_key("field", T::InspectionFieldEvidencePath),
            ));
        }
        let sha256 = file_sha256(Path::new(path)).map_err(|e| {
            refused(
                Text::new(T::InspectionErrEvidenceFile)
                    .arg("path", path)
                    .arg("detail", e),
            )
        })?;
        if let Some(c) = input.corrects
            && !store::evidence(&self.conn, id)?.iter().any(|e| e.id == c)
        {
            return Err(ServiceError::NotFound);
        }
        let finding = match input.finding_no {
            None => None,
            Some(no) => Some(
                store::findings(&self.conn, id)?
                    .into_iter()
                    .find(|f| f.no == no)
                    .ok_or_else(|| {
                        refused(Text::new(T::InspectionErrFindingNumber).arg("no", no))
                    })?,
            ),
        };
        self.write(|w| {
            let (_now, actor) = (w.now(), w.actor());
            let mut e = Evidence {
                id: 0,
                uid: new_uid(),
                kind: input.kind,
                path: path.to_string(),
                sha256,
                collected_at: w.at(),
                collected_by: actor.display_name.clone(),
                description: input.description.trim().to_string(),
                corrects_id: input.corrects,
                correction_reason: input.reason.trim().to_string(),
                created_at: w.at(),
                created_by: actor.uid.clone(),
                finding_no: finding.as_ref().map(|f| f.no),
            };
            e.id = store::insert_evidence(w, id, &e)?;
            if let Some(f) = &finding {
                store::link_evidence(w, e.id, f.id)?;
            }
            w.audit("create", None, &e)?;
            Ok(e)
        })
    }

    /// The recorded facts signing is checked against, and the confirmation lists as locked.
    pub fn sign_facts(&self, id: i64) -> Result<SignFacts> {
        self.get(id)?;
        let items = store::checklist(&self.conn)?;
        let answers = store::answers(&self.conn, id)?;
        let answered = items
            .iter()
            .filter(|i| answers.iter().any(|(c, _, _)| *c == i.code))
            .count();
        Ok(SignFacts {
            items: items.len(),
            answered,
            failed: answers
                .iter()
                .filter(|(_, a, _)| *a == Answer::Fail)
                .count(),
            findings: store::findings(&self.conn, id)?
                .iter()
                .filter(|f| f.corrects_id.is_none())
                .count(),
            present: store::representatives(&self.conn, id)?.len(),
            evidence: store::evidence(&self.conn, id)?.len(),
        })
    }

    /// Signs the record with a conclusion: shorthand for the 签署笔录 transition.
    pub fn sign(
        &self,
        id: i64,
        row_version: i64,
        conclusion: Conclusion,
        record_text: &str,
        signature: crate::domain::inspection::Signature,
        witness: &str,
    ) -> Result<Inspection> {
        self.transition(
            id,
            row_version,
            Event::Sign,
            &EventInput {
                conclusion: Some(conclusion),
                signature: Some(signature),
                witness: witness.to_string(),
                record_text: record_text.to_string(),
                ..EventInput::default()
            },
        )
    }

    /// Records an officer's relation to an enterprise (回避), for warnings and draw pairing.
    pub fn add_recusal(&self, username: &str, enterprise_id: i64, relation: &str) -> Result<()> {
        self.require(Action::InspectionApprove)?;
        let e = self.enterprises().get(enterprise_id)?;
        let u = account::find_by_username(&self.conn, username)?.ok_or(ServiceError::NotFound)?;
        if relation.trim().is_empty() {
            return Err(refused(
                Text::new(T::InspectionErrRequired).arg_key("field", T::InspectionFieldReason),
            ));
        }
        self.write(|w| {
            store::insert_recusal(w, u.id, e.id, relation.trim(), &w.actor().uid, w.now())?;
            let after = serde_json::json!({"user": u.username, "enterprise": e.uscc,
                "relation": relation.trim()});
            w.audit_json(
                "create",
                "insp_recusal",
                &format!("{}:{}", u.uid, e.uid),
                None,
                Some(&after),
            )?;
            Ok(())
        })
    }
}
