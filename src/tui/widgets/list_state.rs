//! The state every list shares: moving the selection over the loaded rows (Up/Down, PgUp/PgDn,
//! Home/End, g/G) and the `/` find line (typed, debounced, applied in SQL by the list's own query).

use crate::i18n::{Lang, T, Text};
use crate::tui::app::{Env, Input, Out};
use crate::tui::input::TextInput;
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::screens::{edit_text, paste_into};

/// Milliseconds of quiet typing before a find runs (as the enterprise register).
pub const FIND_DEBOUNCE_MS: u64 = 150;

/// What a move key did to a selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// Not a move key.
    No,
    /// The selection moved within the loaded rows (or stayed at an end).
    Yes,
    /// The move went past the last loaded row while more rows exist: load the next page.
    More,
}

/// Moves `selected` over `len` loaded rows for a move command; `page` rows fit on the screen and
/// `more` says rows exist after the loaded ones.
pub fn step(selected: &mut usize, len: usize, cmd: Cmd, page: usize, more: bool) -> Moved {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let at_end = |s: usize| more && s >= last;
    match cmd {
        Cmd::Up => *selected = selected.saturating_sub(1),
        Cmd::Down => {
            if at_end(*selected) {
                return Moved::More;
            }
            *selected = (*selected + 1).min(last);
        }
        Cmd::PageUp => *selected = selected.saturating_sub(page),
        Cmd::PageDown => {
            let to = *selected + page;
            *selected = to.min(last);
            if more && to > last {
                return Moved::More;
            }
        }
        Cmd::First => *selected = 0,
        Cmd::Last => {
            *selected = last;
            if more {
                return Moved::More;
            }
        }
        _ => return Moved::No,
    }
    Moved::Yes
}

/// How many rows a list has in all, as far as it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Total {
    /// Counted exactly.
    Exact(u64),
    /// At least this many (a capped count, or the rows loaded while more follow).
    AtLeast(u64),
}

impl Total {
    /// The total of rows loaded so far, when no count was made.
    pub fn loaded(len: usize, more: bool) -> Total {
        let n = len as u64;
        if more {
            Total::AtLeast(n)
        } else {
            Total::Exact(n)
        }
    }

    /// A count capped at `cap` (`count_upto`): the cap itself means "at least".
    pub fn capped(n: i64, cap: i64) -> Total {
        let v = u64::try_from(n).unwrap_or(0);
        if n >= cap {
            Total::AtLeast(v)
        } else {
            Total::Exact(v)
        }
    }
}

/// The position of the selection, `37 / 1,000+` (1-based; `0 / 0` when empty).
pub fn position(selected: usize, len: usize, total: Total) -> String {
    let at = if len == 0 { 0 } else { selected as u64 + 1 };
    let (n, plus) = match total {
        Total::Exact(n) => (n, ""),
        Total::AtLeast(n) => (n, "+"),
    };
    format!(
        "{} / {}{plus}",
        crate::tui::text::count(i64::try_from(at).unwrap_or(0)),
        crate::tui::text::count(i64::try_from(n.max(at)).unwrap_or(0))
    )
}

/// Whether any of a small in-memory list's texts holds the find `q`: as typed (case-insensitive) or
/// as pinyin initials (`lcsh` finds 聊城石化). Lists read from SQL search there instead.
pub fn matches(q: &str, texts: &[&str]) -> bool {
    let q = q.trim().to_lowercase();
    q.is_empty()
        || texts.iter().any(|t| {
            t.to_lowercase().contains(&q) || crate::domain::pinyin::initials(t).contains(&q)
        })
}

/// The `/` find line of a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Find {
    pub input: TextInput,
    /// The line has focus: typed keys edit it.
    pub active: bool,
    /// The query the rows shown were read with (empty: no find).
    pub applied: String,
    token: u64,
}

impl Find {
    /// Gives the line focus (`/`, F3, Ctrl-F).
    pub fn open(&mut self) {
        self.active = true;
    }

    /// Whether the line is drawn: it has focus or a query is applied.
    pub fn shown(&self) -> bool {
        self.active || !self.applied.is_empty()
    }

    /// A key while the line has focus. The flag says the list must read its rows again with
    /// [`Find::applied`] (Enter, or moving to the list, with a changed query).
    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> (Out, bool) {
        let before = self.input.value().to_string();
        let mut out = Out::default();
        match input {
            Input::Cmd(Cmd::Submit | Cmd::Down | Cmd::Up) => {
                self.active = false;
                return (out, self.take());
            }
            Input::Cmd(Cmd::Back) => {
                // Esc leaves the line and puts back the query the rows were read with.
                self.active = false;
                let applied = self.applied.clone();
                self.input.set(&applied);
                return (out, false);
            }
            Input::Key(k) => edit_text(&mut self.input, k),
            Input::Paste(p) => out = paste_into(&mut self.input, &p),
            Input::Cmd(_) => {}
        }
        if self.input.value() != before {
            self.token = env.req();
            out.effects.push(Effect::Debounce {
                token: self.token,
                ms: FIND_DEBOUNCE_MS,
            });
        }
        (out, false)
    }

    /// The typing pause ran out: whether the list must read its rows again.
    pub fn debounced(&mut self, token: u64) -> bool {
        token == self.token && self.active && self.take()
    }

    /// Clears an applied query (Esc on the list); whether the rows must be read again.
    pub fn clear(&mut self) -> bool {
        self.input.clear();
        self.active = false;
        !std::mem::take(&mut self.applied).is_empty()
    }

    /// Applies the typed query; whether it differs from the one applied.
    fn take(&mut self) -> bool {
        let q = self.input.value().trim().to_string();
        if q == self.applied {
            return false;
        }
        self.applied = q;
        true
    }

    /// The words in a list with no rows: loading, the find matching nothing, or the list's own
    /// `empty` text.
    pub fn empty_text(&self, loading: bool, empty: T, lang: Lang) -> String {
        if loading {
            T::MsgLoading.get(lang).to_string()
        } else if self.applied.is_empty() {
            empty.get(lang).to_string()
        } else {
            Text::new(T::FindNoMatch)
                .arg("query", crate::tui::text::sanitize(&self.applied))
                .render(lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stop_at_the_ends_and_ask_for_more_past_the_last_row() {
        let mut s = 0;
        assert_eq!(step(&mut s, 10, Cmd::Up, 5, false), Moved::Yes);
        assert_eq!(s, 0);
        assert_eq!(step(&mut s, 10, Cmd::PageDown, 5, false), Moved::Yes);
        assert_eq!(s, 5);
        assert_eq!(step(&mut s, 10, Cmd::PageDown, 5, false), Moved::Yes);
        assert_eq!(s, 9);
        assert_eq!(step(&mut s, 10, Cmd::Down, 5, true), Moved::More);
        assert_eq!(s, 9);
        assert_eq!(step(&mut s, 10, Cmd::First, 5, true), Moved::Yes);
        assert_eq!(s, 0);
        assert_eq!(step(&mut s, 10, Cmd::Last, 5, true), Moved::More);
        assert_eq!(s, 9);
        assert_eq!(step(&mut s, 10, Cmd::PageUp, 5, true), Moved::Yes);
        assert_eq!(s, 4);
        assert_eq!(step(&mut s, 10, Cmd::Open, 5, true), Moved::No);
        assert_eq!(step(&mut s, 0, Cmd::Down, 5, false), Moved::Yes);
    }

    #[test]
    fn positions_say_when_more_rows_follow() {
        assert_eq!(position(36, 50, Total::AtLeast(1000)), "37 / 1,000+");
        assert_eq!(position(0, 3, Total::Exact(3)), "1 / 3");
        assert_eq!(position(0, 0, Total::Exact(0)), "0 / 0");
        assert_eq!(position(4, 50, Total::loaded(50, true)), "5 / 50+");
        assert_eq!(Total::capped(1000, 1000), Total::AtLeast(1000));
        assert_eq!(Total::capped(12, 1000), Total::Exact(12));
    }

    #[test]
    fn small_lists_match_text_and_pinyin_initials() {
        assert!(matches("", &["x"]));
        assert!(matches("lcsh", &["admin", "聊城石化"]));
        assert!(matches("ADM", &["admin"]));
        assert!(!matches("zz", &["admin", "聊城石化"]));
    }

    #[test]
    fn a_find_applies_on_enter_and_esc_restores_the_applied_query() {
        let mut f = Find::default();
        f.open();
        f.input.set("鑫润");
        assert!(f.take());
        assert_eq!(f.applied, "鑫润");
        assert!(!f.take());
        f.input.set("xr");
        f.active = true;
        f.input.set(&f.applied.clone());
        assert!(f.clear());
        assert!(!f.shown());
    }
}
