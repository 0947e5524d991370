//! Drafting manifests: creating one (the city's serial for local numbers, national and paper numbers
//! checked and unique) and rewriting a draft, each checked like a submission except for the carriers
//! and the approval's cumulative quantity, written and audited in one transaction.

use crate::domain::account::{Action, Role, Target};
use crate::domain::manifest::rules::{LicenceFacts, Party};
use crate::domain::manifest::{
    LegDraft, ManifestState, Mode, NumberRules, Origin, local_number, parse_number,
};
use crate::domain::time::{Day, Instant};
use crate::i18n::{T, Text};
use crate::service::manifest::{ManifestImage, ManifestInput, Prepared};
use crate::service::write::json;
use crate::service::{Result, ServiceError, Writer};
use crate::store::db;
use crate::store::manifest::{self as store, Leg, Manifest};

fn err(field: &'static str, code: &'static str, t: Text) -> crate::domain::validate::FieldIssue {
    crate::domain::validate::FieldIssue::error(field, code, t)
}

impl crate::service::Manifests<'_> {
    /// Creates a manifest as a draft (or, for a paper manifest, awaiting back-fill). Enterprise
    /// accounts are the generator; staff name it. A manifest created here takes the city's serial.
    pub fn create(&self, input: ManifestInput, acknowledged: bool) -> Result<Manifest> {
        self.write(|w| {
            let plan = self.plan_create(input, acknowledged)?;
            Ok(write_create(w, &plan)?)
        })
    }

    /// Every check of a creation, without writing: what `write_create` stores.
    pub(in crate::service) fn plan_create(
        &self,
        input: ManifestInput,
        acknowledged: bool,
    ) -> Result<CreatePlan> {
        self.require(Action::ManifestDraft)?;
        let generator_id = if self.actor.roles == [Role::Enterprise] {
            if input.generator_id.is_some() && input.generator_id != self.actor.enterprise_id {
                return Err(ServiceError::Refused(Text::new(T::ManifestErrOneGenerator)));
            }
            self.actor.enterprise_id.ok_or(ServiceError::NotFound)?
        } else {
            input.generator_id.ok_or_else(|| {
                ServiceError::Invalid(vec![err(
                    "generator",
                    "required",
                    Text::new(T::ErrRequired).arg_key("field", T::ManifestFieldGenerator),
                )])
            })?
        };
        let g = self.enterprises().get(generator_id)?;
        self.check(Action::ManifestDraft, Target::record(&g.region_code, g.id))?;
        let origin = input.origin.unwrap_or(Origin::Local);
        let mut p = self.prepare(&input, g.id, 0, false)?;
        let year = chrono::Datelike::year(&p.day.date());
        let number = if origin == Origin::Local && input.number.trim().is_empty() {
            None
        } else {
            // A number typed for a manifest created here must be one of Liaocheng's for its year; one
            // from the national system or a paper manifest carries the generator's city (Art. 15).
            let rules = NumberRules {
                local_year: (origin == Origin::Local).then_some(year),
                this_year: chrono::Datelike::year(&self.today()),
                generator_city: (origin != Origin::Local)
                    .then(|| g.region_code.get(0..4))
                    .flatten(),
            };
            match parse_number(&input.number, &rules) {
                Ok(n) if store::number_exists(&self.conn, &n)? => {
                    p.issues.push(err(
                        "number",
                        "number_taken",
                        Text::new(T::ManifestErrNumberTaken).arg("number", &n),
                    ));
                    None
                }
                Ok(n) => Some(n),
                Err(t) => {
                    p.issues.push(err("number", "bad_number", t));
                    None
                }
            }
        };
        let paper = if origin == Origin::Paper {
            let d = crate::domain::manifest::parse_time(&input.paper_completed_on)
                .and_then(|t| t.get(0..10).and_then(|d| Day::parse(d).ok()));
            match d {
                None => p.issues.push(err(
                    "paper_completed_on",
                    "bad_date",
                    Text::new(T::ErrDate).arg_key("field", T::ManifestFieldPaperCompleted),
                )),
                Some(done) => p.issues.extend(crate::domain::manifest::times::check(
                    &crate::domain::manifest::times::Times {
                        transfer: Some(p.day),
                        paper_completed: Some(done),
                        ..Default::default()
                    },
                    Some(&self.time_now()),
                )),
            }
            d
        } else {
            None
        };
        let warnings =
            crate::service::Manifests::gate(std::mem::take(&mut p.issues), acknowledged)?;
        let state = if origin == Origin::Paper {
            ManifestState::PendingBackfill
        } else {
            ManifestState::Draft
        };
        let header = self.header(
            &p,
            &input,
            Header {
                generator_id: g.id,
                region: &g.region_code,
                origin,
                state,
                warnings,
                paper,
            },
        )?;
        Ok(CreatePlan {
            header,
            number,
            year,
            state,
            prepared: p,
        })
    }

    /// Rewrites a draft's header, lines and carriers (the generator, or staff in its region).
    pub fn update(
        &self,
        id: i64,
        row_version: i64,
        input: ManifestInput,
        acknowledged: bool,
    ) -> Result<Manifest> {
        self.write(|w| {
            let plan = self.plan_update(id, row_version, input, acknowledged)?;
            Ok(write_update(w, &plan)?)
        })
    }

    /// Every check of a draft's rewrite, without writing: what `write_update` stores.
    pub(in crate::service) fn plan_update(
        &self,
        id: i64,
        row_version: i64,
        input: ManifestInput,
        acknowledged: bool,
    ) -> Result<UpdatePlan> {
        let before = self.get(id)?;
        self.may(Action::ManifestDraft, &before, Some(Party::Generator))?;
        if before.state != ManifestState::Draft {
            return Err(ServiceError::Refused(
                Text::new(T::ManifestErrBadTransition)
                    .arg_key("event", T::KeyMfEdit)
                    .arg_key("state", before.state.label()),
            ));
        }
        let mut p = self.prepare(&input, before.generator_id, id, false)?;
        let warnings =
            crate::service::Manifests::gate(std::mem::take(&mut p.issues), acknowledged)?;
        let mut h = self.header(
            &p,
            &input,
            Header {
                generator_id: before.generator_id,
                region: &before.region_code,
                origin: before.origin,
                state: ManifestState::Draft,
                warnings,
                paper: None,
            },
        )?;
        h.id = id;
        h.row_version = row_version;
        Ok(UpdatePlan {
            header: h,
            snapshot: ManifestImage::of(&self.conn, id)?,
            prepared: p,
        })
    }

    /// The header row of a manifest from what was prepared. Its creation time is the session's now;
    /// the write that stores a new manifest sets it to the time of that write.
    fn header(&self, p: &Prepared, input: &ManifestInput, h: Header<'_>) -> Result<Manifest> {
        let Header {
            generator_id,
            region,
            origin,
            state,
            warnings,
            paper,
        } = h;
        let l = &p.licence;
        let receiver_region = match l.enterprise_id {
            Some(e) => crate::store::enterprise::get(&self.conn, e)?.region_code,
            None => String::new(),
        };
        let snapshot: LicenceFacts = l.facts();
        Ok(Manifest {
            id: 0,
            uid: db::new_uid(),
            number: String::new(),
            origin,
            generator_id,
            generator_name: String::new(),
            generator_uscc: String::new(),
            region_code: region.to_string(),
            receiver_id: l.enterprise_id,
            receiver_region,
            receiver_uscc: l.holder_uscc.clone(),
            receiver_name: l.holder_name.clone(),
            receiver_province: l.province.clone(),
            licence_id: Some(l.id),
            licence_number: l.number.clone(),
            licence_snapshot: json(&snapshot).to_string(),
            handling_mode: input.mode.unwrap_or(Mode::Utilize),
            approval_id: p.approval.as_ref().map(|a| a.id),
            transfer_date: p.day,
            edition_label: p.edition.clone(),
            state,
            submitted_at: None,
            departed_at: None,
            arrived_at: None,
            received_at: None,
            received_kg: None,
            decision: None,
            handling_code: String::new(),
            confirmed_at: None,
            completed_at: None,
            paper_completed_on: paper,
            backfilled_at: None,
            cancel_reason: String::new(),
            reject_reason: None,
            reject_note: String::new(),
            follow_up_of: None,
            warnings,
            total_kg: 0,
            row_version: 1,
            created_at: Instant::new(self.now()),
            created_by: self.actor.uid.clone(),
        })
    }
}

/// What a header takes besides the prepared checks and the typed input.
struct Header<'a> {
    generator_id: i64,
    region: &'a str,
    origin: Origin,
    state: ManifestState,
    /// The codes of the acknowledged warnings.
    warnings: String,
    /// Paper manifests: the day the paper transfer was completed.
    paper: Option<Day>,
}

/// A checked new manifest, ready to be written.
pub(in crate::service) struct CreatePlan {
    header: Manifest,
    /// `None`: the city's next serial, taken inside the writing transaction.
    number: Option<String>,
    year: i32,
    state: ManifestState,
    prepared: Prepared,
}

/// A checked rewrite of a draft, ready to be written.
pub(in crate::service) struct UpdatePlan {
    header: Manifest,
    snapshot: ManifestImage,
    prepared: Prepared,
}

/// Stores a planned manifest with its lines, carriers, first history row and audit entry.
pub(in crate::service) fn write_create(w: &Writer<'_>, plan: &CreatePlan) -> db::Result<Manifest> {
    let (actor, now) = (w.actor(), w.now());
    let mut h = plan.header.clone();
    h.created_at = w.at();
    h.created_by = actor.uid.clone();
    h.number = match &plan.number {
        Some(n) => n.clone(),
        None => local_number(
            plan.year,
            store::next_serial(w, crate::domain::manifest::CITY, plan.year)?,
        ),
    };
    let id = store::insert(w, &h, &actor.uid)?;
    store::set_lines(w, id, &plan.prepared.lines)?;
    for (i, leg) in plan.prepared.legs.iter().enumerate() {
        store::add_leg(w, id, &new_leg(i, leg))?;
    }
    crate::store::history::append(
        w,
        crate::store::history::Table::Manifest,
        &crate::store::history::NewRow {
            id,
            event: "create",
            from: plan.state.code(),
            to: plan.state.code(),
            note: "",
            at: now,
            by_uid: &actor.uid,
            by_name: &actor.display_name,
        },
    )?;
    let after = ManifestImage::of(w, id)?;
    w.audit("create", None, &after)?;
    Ok(after.manifest)
}

/// Stores a planned rewrite of a draft and audits it against the snapshot taken when planned.
pub(in crate::service) fn write_update(w: &Writer<'_>, plan: &UpdatePlan) -> db::Result<Manifest> {
    let (actor, now) = (w.actor(), w.now());
    let id = plan.header.id;
    store::save(w, &plan.header, &actor.uid, now)?;
    store::set_lines(w, id, &plan.prepared.lines)?;
    store::delete_legs(w, id)?;
    for (i, leg) in plan.prepared.legs.iter().enumerate() {
        store::add_leg(w, id, &new_leg(i, leg))?;
    }
    let after = ManifestImage::of(w, id)?;
    w.audit("update", Some(&plan.snapshot), &after)?;
    Ok(after.manifest)
}

pub(crate) fn new_leg(i: usize, leg: &LegDraft) -> Leg {
    Leg {
        seq: i64::try_from(i + 1).unwrap_or(1),
        carrier: leg.clone(),
        departed_at: None,
        handover_at: None,
        handover_place: String::new(),
        arrived_at: None,
    }
}
