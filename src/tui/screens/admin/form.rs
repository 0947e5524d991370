//! The administration forms: add an account (roles multi-choice, unit picker, enterprise USCC for
//! enterprise accounts, password twice), add an enforcement certificate, reset a password. The service
//! validates; its refusal is shown in the message row and the form keeps its input.

use crate::domain::account::Role;
use crate::i18n::{Lang, T, Text};
use crate::service::account::CertificateInput;
use crate::service::account::NewAccount;
use crate::store::account::OrgUnit;
use crate::tui::app::{Env, Input, Message, Nav, Out};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::Effect;
use crate::tui::overlays::picker::{PickFor, PickerState};
use crate::tui::overlays::{Chosen, Overlay};
use crate::tui::screens::admin::AdminEffect;
use crate::tui::screens::{edit_text, paste_into};

/// Which form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdminFormKind {
    NewUser,
    NewCertificate { username: String },
    ResetPassword { username: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AdminField {
    Username,
    DisplayName,
    Roles,
    Unit,
    EnterpriseUscc,
    Password,
    PasswordAgain,
    CertNumber,
    CertKind,
    CertIssuer,
    ValidFrom,
    ValidTo,
}

impl AdminField {
    pub fn label(self) -> T {
        match self {
            AdminField::Username => T::FieldUsername,
            AdminField::DisplayName => T::FieldDisplayName,
            AdminField::Roles => T::FieldRoles,
            AdminField::Unit => T::FieldUnit,
            AdminField::EnterpriseUscc => T::FieldEnterpriseUscc,
            AdminField::Password => T::FieldPassword,
            AdminField::PasswordAgain => T::FieldPasswordAgain,
            AdminField::CertNumber => T::FieldCertNumber,
            AdminField::CertKind => T::FieldCertKind,
            AdminField::CertIssuer => T::FieldCertIssuer,
            AdminField::ValidFrom => T::FieldValidFrom,
            AdminField::ValidTo => T::FieldValidTo,
        }
    }

    /// Chosen from a list (roles: several) rather than typed.
    pub fn is_choice(self) -> bool {
        matches!(self, AdminField::Roles | AdminField::Unit)
    }

    pub fn masked(self) -> bool {
        matches!(self, AdminField::Password | AdminField::PasswordAgain)
    }

    pub fn required(self) -> bool {
        !matches!(
            self,
            AdminField::DisplayName
                | AdminField::EnterpriseUscc
                | AdminField::CertKind
                | AdminField::CertIssuer
        )
    }

    pub fn placeholder(self) -> Option<T> {
        match self {
            AdminField::EnterpriseUscc => Some(T::HintEnterpriseOnly),
            AdminField::CertKind => Some(T::HintCertKind),
            AdminField::ValidFrom | AdminField::ValidTo => Some(T::HintDate),
            _ => None,
        }
    }
}

/// The label of a unit in the chosen language.
pub fn unit_label(u: &OrgUnit, lang: Lang) -> String {
    crate::tui::text::sanitize(match lang {
        Lang::Zh => &u.name_zh,
        Lang::En => &u.name_en,
    })
}

/// Role codes (comma-separated) as labels in the chosen language.
pub fn roles_label(codes: &str, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    codes
        .split(',')
        .filter_map(Role::parse)
        .map(|r| r.label().get(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminFormState {
    pub kind: AdminFormKind,
    pub fields: Vec<AdminField>,
    /// One per field; choices hold codes (roles comma-separated).
    pub inputs: Vec<TextInput>,
    original: Vec<String>,
    pub focus: usize,
    pub saving: bool,
    /// The units the unit picker offers.
    pub units: Vec<OrgUnit>,
    /// A new password the person must set before anything else (theirs is below the policy):
    /// Esc does not leave, and the global commands other than help, log out and quit are held.
    pub forced: bool,
}

impl AdminFormState {
    pub fn new(kind: AdminFormKind, units: Vec<OrgUnit>) -> AdminFormState {
        use AdminField::*;
        let fields = match kind {
            AdminFormKind::NewUser => vec![
                Username,
                DisplayName,
                Roles,
                Unit,
                EnterpriseUscc,
                Password,
                PasswordAgain,
            ],
            AdminFormKind::NewCertificate { .. } => {
                vec![CertNumber, CertKind, CertIssuer, ValidFrom, ValidTo]
            }
            AdminFormKind::ResetPassword { .. } => vec![Password, PasswordAgain],
        };
        let inputs: Vec<TextInput> = fields
            .iter()
            .map(|f| {
                let mut input = if f.masked() {
                    TextInput::masked()
                } else {
                    TextInput::default()
                };
                match f {
                    Roles => input.set(Role::Staff.code()),
                    Unit => input.set("CITY"),
                    _ => {}
                }
                input
            })
            .collect();
        let original = inputs.iter().map(|i| i.value().to_string()).collect();
        AdminFormState {
            kind,
            fields,
            inputs,
            original,
            focus: 0,
            saving: false,
            units,
            forced: false,
        }
    }

    /// The form a person whose password is below the policy sees right after logging in.
    pub fn forced_password(username: &str) -> AdminFormState {
        AdminFormState {
            forced: true,
            ..AdminFormState::new(
                AdminFormKind::ResetPassword {
                    username: username.to_string(),
                },
                Vec::new(),
            )
        }
    }

    pub fn field(&self) -> AdminField {
        self.fields[self.focus.min(self.fields.len() - 1)]
    }

    pub fn value(&self, f: AdminField) -> &str {
        self.fields
            .iter()
            .position(|x| *x == f)
            .and_then(|i| self.inputs.get(i))
            .map_or("", |t| t.value())
    }

    pub fn is_dirty(&self) -> bool {
        self.inputs
            .iter()
            .zip(&self.original)
            .any(|(i, o)| i.value() != o)
    }

    /// A choice field's value as shown.
    pub fn display(&self, f: AdminField, lang: Lang) -> String {
        let v = self.value(f);
        match f {
            AdminField::Roles => roles_label(v, lang),
            AdminField::Unit => self
                .units
                .iter()
                .find(|u| u.code == v)
                .map(|u| unit_label(u, lang))
                .unwrap_or_else(|| v.to_string()),
            _ => v.to_string(),
        }
    }

    fn picker(&self, env: &Env<'_>) -> Out {
        let f = self.field();
        let options: Vec<(String, String)> = match f {
            AdminField::Roles => Role::ALL
                .iter()
                .map(|r| (r.code().to_string(), r.label().get(env.lang).to_string()))
                .collect(),
            AdminField::Unit => self
                .units
                .iter()
                .map(|u| (u.code.clone(), unit_label(u, env.lang)))
                .collect(),
            _ => return Out::default(),
        };
        let multi = f == AdminField::Roles;
        let picker = PickerState::with(PickFor::Admin(f), multi, options, self.value(f), "");
        Out::nav(Nav::Open(Overlay::Picker(picker)))
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.saving {
            return Out::default();
        }
        let n = self.fields.len();
        let f = self.field();
        match input {
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % n,
            Input::Cmd(Cmd::PrevField) => self.focus = (self.focus + n - 1) % n,
            Input::Cmd(Cmd::Pick) => return self.picker(env),
            Input::Cmd(Cmd::Save) => return self.save(),
            Input::Cmd(Cmd::Back) if self.forced => {
                return Out::message(Message::error(T::MsgPasswordMustChange));
            }
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Key(Key::Char(_) | Key::Left | Key::Right) if f.is_choice() => {
                return self.picker(env);
            }
            Input::Key(k) if !f.is_choice() => edit_text(&mut self.inputs[self.focus], k),
            Input::Paste(p) if !f.is_choice() => {
                return paste_into(&mut self.inputs[self.focus], &p);
            }
            _ => {}
        }
        Out::default()
    }

    pub fn from_overlay(&mut self, chosen: Chosen) -> Out {
        if let Chosen::Picked {
            field: PickFor::Admin(field),
            value,
        } = chosen
            && let Some(i) = self.fields.iter().position(|f| *f == field)
        {
            self.inputs[i].set(&value);
        }
        Out::default()
    }

    fn trimmed(&self, f: AdminField) -> String {
        self.value(f).trim().to_string()
    }

    /// Checks what the form itself can (required fields, matching passwords), then asks the service.
    fn save(&mut self) -> Out {
        for (i, f) in self.fields.iter().enumerate() {
            if f.required() && self.inputs[i].value().trim().is_empty() {
                self.focus = i;
                return Out::message(Message::error(
                    Text::new(T::ErrRequired).arg_key("field", f.label()),
                ));
            }
        }
        // Days are read here with the same parser the service uses, so a wrong one is named at once.
        for (i, f) in self.fields.iter().enumerate() {
            let id = match f {
                AdminField::ValidFrom => "valid_from",
                AdminField::ValidTo => "valid_to",
                _ => continue,
            };
            if let Err(issue) = crate::domain::validate::day(id, f.label(), self.inputs[i].value())
            {
                self.focus = i;
                return Out::message(Message::error(issue.text));
            }
        }
        let has_password = self.fields.contains(&AdminField::Password);
        if has_password && self.value(AdminField::Password) != self.value(AdminField::PasswordAgain)
        {
            if let Some(i) = self
                .fields
                .iter()
                .position(|f| *f == AdminField::PasswordAgain)
            {
                self.inputs[i].clear();
                self.focus = i;
            }
            return Out::message(Message::error(T::ErrPasswordsDiffer));
        }
        let effect = match &self.kind {
            AdminFormKind::NewUser => {
                let roles: Vec<Role> = self
                    .value(AdminField::Roles)
                    .split(',')
                    .filter_map(Role::parse)
                    .collect();
                let uscc = self.trimmed(AdminField::EnterpriseUscc);
                let enterprise = roles == [Role::Enterprise];
                Effect::Admin(AdminEffect::AddUser(NewAccount {
                    username: self.trimmed(AdminField::Username),
                    display_name: self.trimmed(AdminField::DisplayName),
                    unit: (!enterprise).then(|| self.value(AdminField::Unit).to_string()),
                    enterprise_uscc: (!uscc.is_empty()).then_some(uscc),
                    roles,
                    password: self.value(AdminField::Password).to_string(),
                }))
            }
            AdminFormKind::NewCertificate { username } => {
                Effect::Admin(AdminEffect::AddCertificate {
                    username: username.clone(),
                    certificate: CertificateInput {
                        kind: self.trimmed(AdminField::CertKind),
                        number: self.trimmed(AdminField::CertNumber),
                        issuer: self.trimmed(AdminField::CertIssuer),
                        valid_from: self.trimmed(AdminField::ValidFrom),
                        valid_to: self.trimmed(AdminField::ValidTo),
                    },
                })
            }
            AdminFormKind::ResetPassword { username } => Effect::Admin(AdminEffect::SetPassword {
                username: username.clone(),
                password: self.value(AdminField::Password).to_string(),
            }),
        };
        self.saving = true;
        Out::effect(effect).with_message(Message::progress(T::MsgSaving))
    }

    /// The service's answer: done (back, with its message) or refused (stay, with the reason).
    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        self.saving = false;
        match result {
            Ok(text) => {
                self.original = self.inputs.iter().map(|i| i.value().to_string()).collect();
                Out::nav(Nav::Pop).with_message(Message::info(text))
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }
}
