//! The enterprise create/edit form: every field, choices by cycling or picking, field-level messages
//! from the service's validation, warnings acknowledged on a second save, optimistic-concurrency
//! conflicts with reload, and a question before unsaved changes are discarded.

use crate::domain::enterprise::{Enterprise, EnterpriseDraft};
use crate::domain::validate::{FieldIssue, has_errors};
use crate::i18n::{T, Text};
use crate::service::enterprise::Warnings;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::Effect;
use crate::tui::overlays::confirm::{ConfirmKind, ConfirmState};
use crate::tui::overlays::picker::{PickFor, PickerState};
use crate::tui::overlays::{Chosen, Overlay};
use crate::tui::screens::enterprise::EnterpriseEffect;
use crate::tui::screens::enterprise::SaveError;
use crate::tui::screens::enterprise::detail::DetailState;
use crate::tui::screens::enterprise::fields::{FieldId, Kind};
use crate::tui::screens::enterprise::form_draft::{FormDraft, enterprise_form};
use crate::tui::screens::{edit_text, paste_into};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormState {
    /// (id, row_version) of the record being edited; `None` for a new one.
    pub editing: Option<(i64, i64)>,
    /// The record's name when editing (for the title row).
    pub record_name: String,
    pub original: EnterpriseDraft,
    /// One input per field of [`FieldId::ALL`]; choice fields hold their stored code.
    pub inputs: Vec<TextInput>,
    pub focus: usize,
    pub issues: Vec<FieldIssue>,
    /// Fields the person has left at least once: their messages are shown.
    pub touched: Vec<FieldId>,
    /// A save was tried: every field's messages are shown.
    pub attempted: bool,
    pub saving: bool,
    /// Who changed the record meanwhile, and when (already in local time).
    pub conflict: Option<(String, String)>,
    check_req: u64,
    /// The name the form's draft is kept under (`enterprise:new`, `enterprise:<uid>`).
    pub form_key: String,
    /// The latest autosave timer; older ones are ignored.
    pub(crate) draft_token: u64,
    /// A kept draft waiting for the person to restore or discard it.
    pub restore: Option<FormDraft>,
}

impl FormState {
    fn from_draft(
        editing: Option<(i64, i64)>,
        draft: EnterpriseDraft,
        name: &str,
        form_key: String,
    ) -> FormState {
        let inputs = FieldId::ALL
            .iter()
            .map(|f| TextInput::new(f.get(&draft)))
            .collect();
        FormState {
            editing,
            record_name: name.to_string(),
            original: draft,
            inputs,
            focus: 0,
            issues: Vec::new(),
            touched: Vec::new(),
            attempted: false,
            saving: false,
            conflict: None,
            check_req: 0,
            form_key,
            draft_token: 0,
            restore: None,
        }
    }

    /// A new enterprise: status operating, region preset for branch accounts.
    pub fn open_new(env: &mut Env<'_>) -> Out {
        let draft = EnterpriseDraft {
            status: "operating".to_string(),
            region_code: env
                .session
                .and_then(|s| s.actor.region.clone())
                .unwrap_or_default(),
            ..EnterpriseDraft::default()
        };
        let form = FormState::from_draft(None, draft, "", enterprise_form(None));
        let load = Effect::LoadDraft {
            form: form.form_key.clone(),
        };
        Out::nav(Nav::Push(Screen::Form(Box::new(form)))).with_effect(load)
    }

    /// The form for editing a record, asking for a kept draft of it.
    pub fn open_edit(e: &Enterprise) -> Out {
        let draft = EnterpriseDraft::from_enterprise(e);
        let form = FormState::from_draft(
            Some((e.id, e.row_version)),
            draft,
            &e.name,
            enterprise_form(Some(&e.uid)),
        );
        let load = Effect::LoadDraft {
            form: form.form_key.clone(),
        };
        Out::nav(Nav::Push(Screen::Form(Box::new(form)))).with_effect(load)
    }

    pub fn field(&self) -> FieldId {
        FieldId::ALL[self.focus.min(FieldId::ALL.len() - 1)]
    }

    pub fn value(&self, f: FieldId) -> &str {
        FieldId::ALL
            .iter()
            .position(|x| *x == f)
            .and_then(|i| self.inputs.get(i))
            .map_or("", |t| t.value())
    }

    /// The draft as typed.
    pub fn draft(&self) -> EnterpriseDraft {
        let mut d = EnterpriseDraft::default();
        for (f, input) in FieldId::ALL.iter().zip(&self.inputs) {
            f.set(&mut d, input.value().to_string());
        }
        d
    }

    pub fn is_dirty(&self) -> bool {
        self.draft() != self.original
    }

    /// The messages shown for a field: after it was left once, or after a save was tried.
    pub fn issues_for(&self, f: FieldId) -> Vec<&FieldIssue> {
        if !(self.attempted || self.touched.contains(&f)) {
            return Vec::new();
        }
        self.issues.iter().filter(|i| i.field == f.key()).collect()
    }

    fn check(&mut self, env: &mut Env<'_>) -> Effect {
        self.check_req = env.req();
        Effect::Enterprise(EnterpriseEffect::CheckDraft {
            req: self.check_req,
            editing: self.editing.map(|(id, _)| id),
            draft: self.draft(),
        })
    }

    fn move_focus(&mut self, env: &mut Env<'_>, forward: bool) -> Out {
        let f = self.field();
        if !self.touched.contains(&f) {
            self.touched.push(f);
        }
        let n = FieldId::ALL.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        Out::effect(self.check(env))
    }

    fn picker(&self, env: &Env<'_>, typed: &str) -> Out {
        let f = self.field();
        let regions = env.session.map(|s| s.regions.as_slice()).unwrap_or(&[]);
        let options = f.options(env.lang, regions);
        if options.is_empty() {
            return Out::default();
        }
        let picker = PickerState::new(f, options, self.value(f), typed);
        Out::nav(Nav::Open(Overlay::Picker(picker)))
    }

    /// Left/Right on a choice: the next or previous option (empty counts as one when allowed).
    fn cycle(&mut self, env: &Env<'_>, forward: bool, required: bool) {
        let f = self.field();
        let regions = env.session.map(|s| s.regions.as_slice()).unwrap_or(&[]);
        let mut codes: Vec<String> = f
            .options(env.lang, regions)
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        if !required {
            codes.insert(0, String::new());
        }
        if codes.is_empty() {
            return;
        }
        let pos = codes.iter().position(|c| c == self.value(f));
        let n = codes.len();
        let next = match (pos, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => 0,
        };
        self.inputs[self.focus].set(&codes[next]);
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.saving {
            return Out::default();
        }
        let kind = self.field().kind();
        let before = self.inputs[self.focus].value().to_string();
        let mut out = Out::default();
        match input {
            Input::Cmd(Cmd::NextField) => return self.move_focus(env, true),
            Input::Cmd(Cmd::PrevField) => return self.move_focus(env, false),
            Input::Cmd(Cmd::Save) => return self.save(Warnings::Stop),
            Input::Cmd(Cmd::Pick) => return self.picker(env, ""),
            Input::Cmd(Cmd::Reload) => {
                return match self.editing {
                    Some((id, _)) => {
                        Out::effect(Effect::Enterprise(EnterpriseEffect::LoadForEdit { id }))
                            .with_message(Message::progress(T::MsgLoading))
                    }
                    None => Out::default(),
                };
            }
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(_) => {}
            Input::Key(k) => match kind {
                Kind::Text => edit_text(&mut self.inputs[self.focus], k),
                Kind::Choice { required } => match k {
                    Key::Left => self.cycle(env, false, required),
                    Key::Right => self.cycle(env, true, required),
                    Key::Backspace | Key::Delete if !required => self.inputs[self.focus].clear(),
                    Key::Char(' ') => return self.picker(env, ""),
                    Key::Char(c) => return self.picker(env, c.encode_utf8(&mut [0; 4])),
                    _ => {}
                },
                Kind::Flags => match k {
                    Key::Backspace | Key::Delete => self.inputs[self.focus].clear(),
                    Key::Char(_) | Key::Left | Key::Right => return self.picker(env, ""),
                    _ => {}
                },
            },
            Input::Paste(p) if kind == Kind::Text => {
                out = paste_into(&mut self.inputs[self.focus], &p);
            }
            Input::Paste(_) => {}
        }
        if self.inputs[self.focus].value() != before {
            out.effects.push(self.schedule_autosave(env));
            // A field showing a message is checked again as it changes, so a fixed value clears it.
            if !self.issues_for(self.field()).is_empty() {
                out.effects.push(self.check(env));
            }
        }
        out
    }

    fn save(&mut self, warnings: Warnings) -> Out {
        let f = self.field();
        if !self.touched.contains(&f) {
            self.touched.push(f);
        }
        self.attempted = true;
        self.saving = true;
        Out::effect(Effect::Enterprise(EnterpriseEffect::Save {
            editing: self.editing,
            draft: self.draft(),
            warnings,
        }))
        .with_message(Message::progress(T::MsgSaving))
    }

    /// The person accepted the warnings: save again, recording the acknowledgement.
    pub fn save_acknowledged(&mut self) -> Out {
        self.save(Warnings::Acknowledge)
    }

    pub fn from_overlay(&mut self, env: &mut Env<'_>, chosen: Chosen) -> Out {
        if let Chosen::Picked {
            field: PickFor::Enterprise(field),
            value,
        } = chosen
            && let Some(i) = FieldId::ALL.iter().position(|f| *f == field)
        {
            self.inputs[i].set(&value);
            let mut out = Out::effect(self.schedule_autosave(env));
            if !self.issues_for(field).is_empty() {
                out.effects.push(self.check(env));
            }
            return out;
        }
        Out::default()
    }

    pub fn checked(&mut self, req: u64, issues: Vec<FieldIssue>) -> Out {
        if req == self.check_req {
            self.issues = issues;
        }
        Out::default()
    }

    pub fn saved(&mut self, e: Enterprise) -> Out {
        self.saving = false;
        let message = Message::info(Text::new(T::MsgSavedNamed).arg("name", &e.name));
        let forget = self.forget_draft();
        if self.editing.is_some() {
            // Back to the detail view, which reloads on return.
            self.original = self.draft();
            return Out::nav(Nav::Pop).with_effect(forget).with_message(message);
        }
        let (detail, fx) = DetailState::open(e.id);
        Out::nav(Nav::Replace(Screen::Detail(detail)))
            .with_effect(forget)
            .with_effect(fx)
            .with_message(message)
    }

    pub fn save_failed(&mut self, err: SaveError) -> Out {
        self.saving = false;
        match err {
            SaveError::Invalid(issues) => {
                self.issues = issues;
                if !has_errors(&self.issues) {
                    let warnings = self.issues.clone();
                    return Out::nav(Nav::Open(Overlay::Confirm(ConfirmState::new(
                        ConfirmKind::AckWarnings(warnings),
                    ))));
                }
                let errors: Vec<&FieldIssue> =
                    self.issues.iter().filter(|i| i.is_error()).collect();
                if let Some(i) = errors
                    .first()
                    .and_then(|e| FieldId::ALL.iter().position(|f| f.key() == e.field))
                {
                    self.focus = i;
                }
                let text = match errors.as_slice() {
                    [one] => one.text.clone(),
                    many => Text::new(T::ErrValidation).arg("n", many.len()),
                };
                Out::message(Message::error(text))
            }
            SaveError::Conflict { by, at } => {
                let at = crate::domain::time::local_time(&at);
                let text = Text::new(T::ErrConflictReload)
                    .arg("user", &by)
                    .arg("time", &at);
                self.conflict = Some((by, at));
                Out::message(Message::error(text))
            }
            SaveError::Other(text) => Out::message(Message::error(text)),
        }
    }

    /// The record as it is now (after a conflict): the fields this person changed keep what was typed
    /// (re-applied on top), every other field takes the current value, and the next save goes against
    /// the current version.
    pub fn reloaded(&mut self, result: Result<Enterprise, Text>) -> Out {
        match result {
            Ok(e) => {
                let current = EnterpriseDraft::from_enterprise(&e);
                let mut kept = 0;
                for (i, f) in FieldId::ALL.iter().enumerate() {
                    let typed = self.inputs.get(i).map(|x| x.value().to_string());
                    let changed = typed.as_deref().is_some_and(|t| t != f.get(&self.original));
                    if changed {
                        kept += 1;
                    } else if let Some(input) = self.inputs.get_mut(i) {
                        input.set(f.get(&current));
                    }
                }
                self.original = current;
                self.editing = Some((e.id, e.row_version));
                self.record_name = e.name.clone();
                self.conflict = None;
                self.issues.clear();
                let text = if kept == 0 {
                    Text::new(T::MsgReloaded)
                } else {
                    Text::new(T::MsgReloadedKept).arg("n", kept)
                };
                Out::message(Message::info(text))
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }
}
