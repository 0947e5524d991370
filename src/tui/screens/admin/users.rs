//! 用户管理: every account (username, name, roles, unit or bound enterprise, state, lock), opening one
//! shows its certificates; add an account, reset a password, disable or enable (asked first).

use crate::i18n::Text;
use crate::store::account::{Certificate, OrgUnit};
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::overlays::Overlay;
use crate::tui::overlays::confirm::{ConfirmKind, ConfirmState};
use crate::tui::screens::admin::Account;
use crate::tui::screens::admin::AdminEffect;
use crate::tui::screens::admin::form::{AdminFormKind, AdminFormState};
use crate::tui::widgets::list_state::{Find, Moved, matches, step};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsersState {
    pub rows: Vec<Account>,
    pub units: Vec<OrgUnit>,
    pub selected: usize,
    pub loading: bool,
    /// The `/` find: username, name, unit or USCC (or their pinyin initials).
    pub find: Find,
}

/// Asks before disabling or enabling an account (the safe answer, Cancel, has the focus).
fn confirm_active(a: &Account) -> Out {
    Out::nav(Nav::Open(Overlay::Confirm(ConfirmState::new(
        ConfirmKind::SetActive {
            username: a.username.clone(),
            active: !a.active,
        },
    ))))
}

/// Clears an account's failed-login delay (nothing is lost, so it is not asked first).
fn unlock(username: &str) -> Out {
    Out::effect(Effect::Admin(AdminEffect::Unlock {
        username: username.to_string(),
    }))
}

fn reset_password(username: &str, units: &[OrgUnit]) -> Out {
    let form = AdminFormState::new(
        AdminFormKind::ResetPassword {
            username: username.to_string(),
        },
        units.to_vec(),
    );
    Out::nav(Nav::Push(Screen::AdminForm(Box::new(form))))
}

impl UsersState {
    pub fn open() -> Out {
        let state = UsersState {
            loading: true,
            ..UsersState::default()
        };
        Out::nav(Nav::Push(Screen::Users(state)))
            .with_effect(Effect::Admin(AdminEffect::LoadAccounts))
    }

    pub fn reload(&mut self) -> Out {
        self.loading = true;
        Out::effect(Effect::Admin(AdminEffect::LoadAccounts))
    }

    pub fn selected_row(&self) -> Option<&Account> {
        self.rows.get(self.selected)
    }

    /// New rows; the selection stays on the same account where it can.
    pub fn loaded(&mut self, result: Result<(Vec<Account>, Vec<OrgUnit>), Text>) -> Out {
        self.loading = false;
        match result {
            Ok((mut rows, units)) => {
                let q = self.find.applied.clone();
                rows.retain(|a| {
                    matches(
                        &q,
                        &[
                            &a.username,
                            &a.display_name,
                            a.unit_code.as_deref().unwrap_or(""),
                            a.enterprise_uscc.as_deref().unwrap_or(""),
                        ],
                    )
                });
                let keep = self.selected_row().map(|a| a.username.clone());
                self.selected = keep
                    .and_then(|name| rows.iter().position(|a| a.username == name))
                    .unwrap_or(self.selected)
                    .min(rows.len().saturating_sub(1));
                self.rows = rows;
                self.units = units;
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    pub fn debounced(&mut self, token: u64) -> Out {
        if self.find.debounced(token) {
            return self.reload();
        }
        Out::default()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.find.active {
            let (out, apply) = self.find.on_input(env, input);
            return if apply { self.reload() } else { out };
        }
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        if step(
            &mut self.selected,
            self.rows.len(),
            cmd,
            env.list_rows(),
            false,
        ) != Moved::No
        {
            return Out::default();
        }
        match cmd {
            Cmd::Find => self.find.open(),
            Cmd::Refresh => return self.reload(),
            Cmd::Back if self.find.clear() => return self.reload(),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::FullText => {
                if let Some(a) = self.selected_row() {
                    let pairs =
                        crate::tui::screens::admin::users_view::full_text(a, &self.units, env.lang);
                    return crate::tui::screens::full_text::FullTextState::open(pairs);
                }
            }
            Cmd::AddUser => {
                let form = AdminFormState::new(AdminFormKind::NewUser, self.units.clone());
                return Out::nav(Nav::Push(Screen::AdminForm(Box::new(form))));
            }
            Cmd::Open => {
                if let Some(a) = self.selected_row() {
                    return AccountState::open(a.clone(), self.units.clone());
                }
            }
            Cmd::ResetPassword => {
                if let Some(a) = self.selected_row() {
                    return reset_password(&a.username, &self.units);
                }
            }
            Cmd::ToggleActive => {
                if let Some(a) = self.selected_row() {
                    return confirm_active(a);
                }
            }
            Cmd::UnlockUser => {
                if let Some(a) = self.selected_row() {
                    return unlock(&a.username);
                }
            }
            _ => {}
        }
        Out::default()
    }

    /// A change made from this screen (disable/enable) came back.
    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }
}

/// One account: its details and enforcement certificates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountState {
    pub account: Account,
    pub units: Vec<OrgUnit>,
    pub certificates: Option<Vec<Certificate>>,
    pub scroll: usize,
}

impl AccountState {
    pub fn open(account: Account, units: Vec<OrgUnit>) -> Out {
        let load = Effect::Admin(AdminEffect::LoadCertificates {
            username: account.username.clone(),
        });
        let state = AccountState {
            account,
            units,
            certificates: None,
            scroll: 0,
        };
        Out::nav(Nav::Push(Screen::Account(state))).with_effect(load)
    }

    pub fn reload(&mut self) -> Out {
        Out::effect(Effect::Admin(AdminEffect::LoadAccounts)).with_effect(Effect::Admin(
            AdminEffect::LoadCertificates {
                username: self.account.username.clone(),
            },
        ))
    }

    pub fn accounts_loaded(&mut self, result: &Result<(Vec<Account>, Vec<OrgUnit>), Text>) -> Out {
        if let Ok((rows, _)) = result
            && let Some(a) = rows.iter().find(|a| a.username == self.account.username)
        {
            self.account = a.clone();
        }
        Out::default()
    }

    pub fn certificates_loaded(&mut self, result: Result<Vec<Certificate>, Text>) -> Out {
        match result {
            Ok(c) => {
                self.certificates = Some(c);
                Out::default()
            }
            Err(text) => Out::message(Message::error(text)),
        }
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        let Input::Cmd(cmd) = input else {
            return Out::default();
        };
        let n = self.certificates.as_ref().map_or(0, Vec::len);
        match cmd {
            Cmd::Up => self.scroll = self.scroll.saturating_sub(1),
            Cmd::Down => self.scroll = (self.scroll + 1).min(n.saturating_sub(1)),
            Cmd::Refresh => return self.reload(),
            Cmd::Back => return Out::nav(Nav::Pop),
            Cmd::AddCertificate => {
                let form = AdminFormState::new(
                    AdminFormKind::NewCertificate {
                        username: self.account.username.clone(),
                    },
                    self.units.clone(),
                );
                return Out::nav(Nav::Push(Screen::AdminForm(Box::new(form))));
            }
            Cmd::ResetPassword => return reset_password(&self.account.username, &self.units),
            Cmd::ToggleActive => return confirm_active(&self.account),
            Cmd::UnlockUser => return unlock(&self.account.username),
            _ => {}
        }
        Out::default()
    }

    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        match result {
            Ok(text) => self.reload().with_message(Message::info(text)),
            Err(text) => Out::message(Message::error(text)),
        }
    }
}
