//! The manifest form: receiver licence, handling mode, transfer date and approval; a waste-line
//! editor (add with Ctrl-N, remove with Ctrl-D) whose code field opens a picker searching code,
//! category and Chinese description (`900-2`, `废矿物油`); and a carrier-leg editor (Ctrl-T adds one).

use crate::domain::manifest::{LegDraft, LineDraft, Mode, Origin, PhysForm};
use crate::i18n::{T, Text};
use crate::service::manifest::ManifestInput;
use crate::store::manifest::reference::CodeHit;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::{Effect, Versioned};
use crate::tui::screens::manifest::action::LEG_FIELDS;
use crate::tui::screens::manifest::fields::{ManifestField, Section, value_of};
use crate::tui::screens::manifest::{FormData, ManifestEffect, Refusal};

/// The code picker opened from a waste line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodePicker {
    pub line: usize,
    pub query: String,
    pub hits: Vec<CodeHit>,
    pub selected: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestFormState {
    /// The manifest edited (id, row version), or `None` for a new one.
    pub editing: Option<(i64, i64)>,
    pub fields: Vec<ManifestField>,
    pub focus: usize,
    pub picker: Option<CodePicker>,
    pub saving: bool,
    pub loading: bool,
    pub dirty: bool,
    pub ack_pending: bool,
    /// Values of the number and paper-date fields while the origin hides them.
    pub stash: Vec<(&'static str, String)>,
}

const H: Section = Section::Header;

const LINE_FIELDS: [(&str, T); 9] = [
    ("code", T::ManifestFieldCode),
    ("name", T::ManifestFieldWasteName),
    ("hazard", T::ManifestFieldHazard),
    ("form", T::ManifestFieldForm),
    ("components", T::ManifestFieldComponents),
    ("harmful", T::ManifestFieldHarmful),
    ("packaging", T::ManifestFieldPackaging),
    ("containers", T::ManifestFieldContainers),
    ("quantity", T::ManifestFieldQuantity),
];

fn line_block(n: usize) -> Vec<ManifestField> {
    let forms: Vec<(&str, T)> = PhysForm::ALL
        .iter()
        .map(|f| (f.code(), f.label()))
        .collect();
    LINE_FIELDS
        .iter()
        .map(|(id, label)| {
            if *id == "form" {
                ManifestField::choice(id, *label, &forms, Section::Line(n))
            } else {
                ManifestField::text(id, *label, "", Section::Line(n))
            }
        })
        .collect()
}

fn leg_block(n: usize) -> Vec<ManifestField> {
    LEG_FIELDS
        .iter()
        .map(|(id, label)| ManifestField::text(id, *label, "", Section::Leg(n)))
        .collect()
}

impl ManifestFormState {
    fn blank(staff: bool, editing: Option<(i64, i64)>) -> ManifestFormState {
        let modes: Vec<(&str, T)> = Mode::ALL.iter().map(|m| (m.code(), m.label())).collect();
        let mut fields = Vec::new();
        if editing.is_none() {
            // A new manifest may carry a national-system number or be a paper one to back-fill.
            let origins: Vec<(&str, T)> =
                Origin::ALL.iter().map(|o| (o.code(), o.label())).collect();
            fields.push(ManifestField::choice(
                "origin",
                T::ManifestFieldOrigin,
                &origins,
                H,
            ));
        }
        if staff {
            fields.push(ManifestField::text(
                "generator",
                T::ManifestFieldGeneratorUscc,
                "",
                H,
            ));
        }
        fields.push(ManifestField::choice(
            "licence",
            T::ManifestFieldLicence,
            &[],
            H,
        ));
        fields.push(ManifestField::choice(
            "mode",
            T::ManifestFieldMode,
            &modes,
            H,
        ));
        fields.push(ManifestField::text(
            "transfer_date",
            T::ManifestFieldTransferDate,
            "",
            H,
        ));
        fields.push(ManifestField::text(
            "approval",
            T::ManifestFieldApproval,
            "",
            H,
        ));
        fields.extend(line_block(1));
        fields.extend(leg_block(1));
        if let Some(f) = fields.iter_mut().find(|f| f.id == "mode") {
            f.choose(Mode::Utilize.code());
        }
        ManifestFormState {
            editing,
            fields,
            focus: 0,
            picker: None,
            saving: false,
            loading: true,
            dirty: false,
            ack_pending: false,
            stash: Vec::new(),
        }
    }

    pub fn new_manifest(env: &mut Env<'_>) -> Out {
        if !env.may(crate::domain::account::Action::ManifestDraft) {
            return Out::default();
        }
        let staff = env.session.is_some_and(|s| s.actor.enterprise_id.is_none());
        let s = ManifestFormState::blank(staff, None);
        Out::nav(Nav::Push(Screen::ManifestForm(Box::new(s))))
            .with_effect(Effect::Manifest(ManifestEffect::LoadFormData))
    }

    pub fn edit(id: i64, row_version: i64) -> Out {
        let s = ManifestFormState::blank(false, Some((id, row_version)));
        Out::nav(Nav::Push(Screen::ManifestForm(Box::new(s))))
            .with_effect(Effect::Manifest(ManifestEffect::LoadFormData))
            .with_effect(Effect::Manifest(ManifestEffect::LoadInput { id }))
    }

    pub fn title(&self) -> T {
        if self.editing.is_some() {
            T::ManifestScreenEdit
        } else {
            T::ManifestScreenNew
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn form_data(&mut self, r: Result<FormData, Text>) -> Out {
        self.loading = false;
        match r {
            Ok(d) => {
                let chosen = value_of(&self.fields, H, "licence");
                if let Some(f) = self.fields.iter_mut().find(|f| f.id == "licence") {
                    // Local receivers first: most transfers stay in Shandong.
                    let mut licences = d.licences.clone();
                    licences.sort_by_key(|l| l.province != crate::domain::manifest::PROVINCE);
                    f.options = licences
                        .iter()
                        .map(|l| {
                            let label = format!("{} {}", l.number, l.holder_name);
                            (l.number.clone(), label.clone(), label)
                        })
                        .collect();
                    f.choose(&chosen);
                }
                if let Some(f) = self.fields.iter_mut().find(|f| f.id == "transfer_date")
                    && f.value.is_empty()
                {
                    f.value = d.today;
                }
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// A draft being edited arrived: its values replace the blank form.
    pub fn input_loaded(&mut self, r: Result<ManifestInput, Text>) -> Out {
        let i = match r {
            Ok(i) => i,
            Err(t) => return Out::message(Message::error(t)),
        };
        let keep: Vec<ManifestField> = self
            .fields
            .iter()
            .filter(|f| f.section == H)
            .cloned()
            .collect();
        self.fields = keep;
        for (id, v) in [
            ("transfer_date", i.transfer_date.as_str()),
            ("approval", i.approval_number.as_str()),
        ] {
            if let Some(f) = self.fields.iter_mut().find(|f| f.id == id) {
                f.value = v.to_string();
            }
        }
        for f in self.fields.iter_mut() {
            match f.id {
                "licence" => {
                    if f.options.iter().all(|o| o.0 != i.licence_number) {
                        let n = i.licence_number.clone();
                        f.options.push((n.clone(), n.clone(), n));
                    }
                    f.choose(&i.licence_number);
                }
                "mode" => f.choose(i.mode.map(|m| m.code()).unwrap_or("")),
                _ => {}
            }
        }
        for (n, l) in i.lines.iter().enumerate() {
            let mut block = line_block(n + 1);
            for f in block.iter_mut() {
                match f.id {
                    "form" => f.choose(&l.form),
                    id => f.value = line_value(l, id),
                }
            }
            self.fields.extend(block);
        }
        for (n, leg) in i.legs.iter().enumerate() {
            let mut block = leg_block(n + 1);
            for f in block.iter_mut() {
                f.value = leg_value(leg, f.id);
            }
            self.fields.extend(block);
        }
        if i.legs.is_empty() {
            self.fields.extend(leg_block(1));
        }
        Out::default()
    }

    /// The origin chosen (a draft being edited keeps its own: `None`).
    fn origin(&self) -> Option<Origin> {
        Origin::parse(&value_of(&self.fields, H, "origin"))
    }

    /// Shows the number field for national and paper manifests and the paper completion date for
    /// paper ones, right after the origin; typed values survive switching back and forth.
    fn sync_origin_fields(&mut self) {
        let Some(origin) = self.origin() else {
            return;
        };
        let Some(at) = self.fields.iter().position(|f| f.id == "origin") else {
            return;
        };
        let wanted: &[&str] = match origin {
            Origin::Local => &[],
            Origin::National => &["number"],
            Origin::Paper => &["number", "paper_completed_on"],
        };
        for (id, label) in [
            ("number", T::ManifestFieldNumber),
            ("paper_completed_on", T::ManifestFieldPaperCompleted),
        ] {
            let pos = self.fields.iter().position(|f| f.id == id);
            let want = wanted.contains(&id);
            match pos {
                Some(p) if !want => {
                    let f = self.fields.remove(p);
                    self.stash.retain(|(i, _)| *i != id);
                    self.stash.push((id, f.value));
                }
                None if want => {
                    let offset = if id == "number" { 1 } else { 2 };
                    let value = self
                        .stash
                        .iter()
                        .find(|(i, _)| *i == id)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default();
                    let at = (at + offset).min(self.fields.len());
                    self.fields
                        .insert(at, ManifestField::text(id, label, &value, H));
                }
                _ => {}
            }
        }
    }

    fn count(&self, line: bool) -> usize {
        self.fields
            .iter()
            .filter_map(|f| match (f.section, line) {
                (Section::Line(n), true) | (Section::Leg(n), false) => Some(n),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }

    fn add_line(&mut self) {
        let n = self.count(true) + 1;
        let at = self
            .fields
            .iter()
            .rposition(|f| matches!(f.section, Section::Line(_)))
            .map_or(self.fields.len(), |i| i + 1);
        self.fields.splice(at..at, line_block(n));
        self.focus = at;
    }

    fn add_leg(&mut self) {
        let n = self.count(false) + 1;
        let at = self.fields.len();
        self.fields.extend(leg_block(n));
        self.focus = at;
    }

    /// Removes the line or leg under the cursor (one of each always stays) and renumbers the rest.
    fn remove_block(&mut self) {
        let Some(section) = self.fields.get(self.focus).map(|f| f.section) else {
            return;
        };
        let (is_line, n) = match section {
            Section::Line(n) => (true, n),
            Section::Leg(n) => (false, n),
            Section::Header => return,
        };
        if self.count(is_line) <= 1 {
            return;
        }
        self.fields.retain(|f| f.section != section);
        for f in self.fields.iter_mut() {
            f.section = match f.section {
                Section::Line(k) if is_line && k > n => Section::Line(k - 1),
                Section::Leg(k) if !is_line && k > n => Section::Leg(k - 1),
                s => s,
            };
        }
        self.focus = self.focus.min(self.fields.len().saturating_sub(1));
    }

    pub fn input(&self) -> ManifestInput {
        let lines = (1..=self.count(true))
            .map(|n| {
                let v = |id| value_of(&self.fields, Section::Line(n), id);
                LineDraft {
                    code: v("code"),
                    name: v("name"),
                    hazard: v("hazard"),
                    form: v("form"),
                    components: v("components"),
                    harmful: v("harmful"),
                    packaging: v("packaging"),
                    containers: v("containers"),
                    quantity: v("quantity"),
                }
            })
            .collect();
        let legs = (1..=self.count(false))
            .map(|n| {
                let v = |id| value_of(&self.fields, Section::Leg(n), id);
                LegDraft {
                    carrier_name: v("carrier_name"),
                    carrier_uscc: v("carrier_uscc"),
                    transport_licence: v("transport_licence"),
                    plate: v("plate"),
                    driver: v("driver"),
                    escort: v("escort"),
                }
            })
            .collect();
        let origin = self.origin();
        let number = match origin {
            Some(Origin::National | Origin::Paper) => value_of(&self.fields, H, "number"),
            _ => String::new(),
        };
        let paper_completed_on = match origin {
            Some(Origin::Paper) => value_of(&self.fields, H, "paper_completed_on"),
            _ => String::new(),
        };
        ManifestInput {
            number,
            origin,
            paper_completed_on,
            licence_number: value_of(&self.fields, H, "licence"),
            mode: Mode::parse(&value_of(&self.fields, H, "mode")),
            transfer_date: value_of(&self.fields, H, "transfer_date"),
            approval_number: value_of(&self.fields, H, "approval"),
            lines,
            legs,
            ..ManifestInput::default()
        }
    }

    fn search(&self) -> Out {
        let Some(p) = &self.picker else {
            return Out::default();
        };
        Out::effect(Effect::Manifest(ManifestEffect::SearchCodes {
            day: value_of(&self.fields, H, "transfer_date"),
            query: p.query.clone(),
        }))
    }

    pub fn codes(&mut self, query: &str, hits: Result<Vec<CodeHit>, Text>) -> Out {
        let Some(p) = self.picker.as_mut() else {
            return Out::default();
        };
        if p.query != query {
            return Out::default();
        }
        match hits {
            Ok(h) => {
                p.hits = h;
                p.selected = 0;
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// Fills the line from the chosen code: code, the 名录 description as the name when empty, and
    /// the default hazards when none were typed.
    fn pick(&mut self) {
        let Some(p) = self.picker.take() else {
            return;
        };
        let Some(hit) = p.hits.get(p.selected) else {
            return;
        };
        let s = Section::Line(p.line);
        for f in self.fields.iter_mut().filter(|f| f.section == s) {
            match f.id {
                "code" => f.value = hit.code.clone(),
                "name" if f.value.trim().is_empty() => {
                    f.value = hit.description.chars().take(40).collect();
                }
                "hazard" if f.value.trim().is_empty() => f.value = hit.hazard.clone(),
                _ => {}
            }
        }
        self.dirty = true;
    }

    /// The draft's current version after a conflict: the typed draft is saved over it next.
    pub fn version_reloaded(
        &mut self,
        record: Versioned,
        current: Result<(i64, Text), Text>,
    ) -> Out {
        let Some((id, version)) = &mut self.editing else {
            return Out::default();
        };
        if record != Versioned::Manifest(*id) {
            return Out::default();
        }
        crate::tui::screens::take_version(version, current)
    }

    pub fn done(&mut self, result: Result<Text, Refusal>) -> Out {
        self.saving = false;
        match result {
            Ok(text) => {
                self.dirty = false;
                Out::nav(Nav::Pop).with_message(Message::info(text))
            }
            Err(mut r) => {
                if r.text.key == T::ErrConflict && self.editing.is_some() {
                    r.text.key = T::ErrConflictReload;
                }
                self.ack_pending = r.warnings_only;
                if r.warnings_only {
                    return Out::message(Message::warning(
                        Text::new(T::ManifestMsgAckWarnings).arg_text("warning", r.text),
                    ));
                }
                Out::message(Message::error(r.text))
            }
        }
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.picker.is_some() {
            return self.picker_input(input);
        }
        let n = self.fields.len();
        match input {
            Input::Cmd(Cmd::Save) if !self.saving => {
                self.saving = true;
                let generator_uscc = value_of(&self.fields, H, "generator");
                let staff = env.session.is_some_and(|s| s.actor.enterprise_id.is_none());
                return Out::effect(Effect::Manifest(ManifestEffect::Save {
                    id: self.editing,
                    input: self.input(),
                    generator_uscc: if staff { generator_uscc } else { String::new() },
                    acknowledged: self.ack_pending,
                }))
                .with_message(Message::progress(T::MsgSaving));
            }
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::Refresh) if !self.saving => {
                if let Some((id, _)) = self.editing {
                    return Out::effect(Effect::ReloadVersion(Versioned::Manifest(id)));
                }
            }
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % n.max(1),
            Input::Cmd(Cmd::PrevField) => self.focus = (self.focus + n.max(1) - 1) % n.max(1),
            Input::Cmd(Cmd::ManifestAddLine) => self.add_line(),
            Input::Cmd(Cmd::ManifestAddLeg) => self.add_leg(),
            Input::Cmd(Cmd::ManifestRemoveBlock) => {
                self.remove_block();
                self.dirty = true;
            }
            Input::Cmd(Cmd::ManifestPickCode) => {
                let line = match self.fields.get(self.focus).map(|f| f.section) {
                    Some(Section::Line(n)) => n,
                    _ => 1,
                };
                let query = value_of(&self.fields, Section::Line(line), "code");
                self.picker = Some(CodePicker {
                    line,
                    query,
                    hits: Vec::new(),
                    selected: 0,
                });
                return self.search();
            }
            other => {
                let Some(f) = self.fields.get_mut(self.focus) else {
                    return Out::default();
                };
                let origin_changed = f.id == "origin"
                    && matches!(other, Input::Cmd(Cmd::NextValue | Cmd::PrevValue));
                match other {
                    Input::Cmd(Cmd::NextValue) => f.next(true),
                    Input::Cmd(Cmd::PrevValue) => f.next(false),
                    Input::Key(k) => f.key(k),
                    Input::Paste(t) => f.paste(&t),
                    _ => return Out::default(),
                }
                if origin_changed {
                    self.sync_origin_fields();
                }
                self.dirty = true;
                self.ack_pending = false;
            }
        }
        Out::default()
    }

    fn picker_input(&mut self, input: Input) -> Out {
        let Some(p) = self.picker.as_mut() else {
            return Out::default();
        };
        match input {
            Input::Cmd(Cmd::Back) => self.picker = None,
            Input::Cmd(Cmd::Up) => p.selected = p.selected.saturating_sub(1),
            Input::Cmd(Cmd::Down) => {
                p.selected = (p.selected + 1).min(p.hits.len().saturating_sub(1));
            }
            Input::Cmd(Cmd::Submit) => self.pick(),
            Input::Key(Key::Char(c)) => {
                p.query.push(c);
                return self.search();
            }
            Input::Key(Key::Backspace) => {
                p.query.pop();
                return self.search();
            }
            Input::Paste(t) => {
                p.query.push_str(&crate::tui::text::strip_controls(&t));
                return self.search();
            }
            _ => {}
        }
        Out::default()
    }
}

fn line_value(l: &LineDraft, id: &str) -> String {
    match id {
        "code" => l.code.clone(),
        "name" => l.name.clone(),
        "hazard" => l.hazard.clone(),
        "components" => l.components.clone(),
        "harmful" => l.harmful.clone(),
        "packaging" => l.packaging.clone(),
        "containers" => l.containers.clone(),
        "quantity" => l.quantity.clone(),
        _ => String::new(),
    }
}

fn leg_value(l: &LegDraft, id: &str) -> String {
    match id {
        "carrier_name" => l.carrier_name.clone(),
        "carrier_uscc" => l.carrier_uscc.clone(),
        "transport_licence" => l.transport_licence.clone(),
        "plate" => l.plate.clone(),
        "driver" => l.driver.clone(),
        "escort" => l.escort.clone(),
        _ => String::new(),
    }
}
