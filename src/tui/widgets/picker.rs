//! Picking a record in a form by name, pinyin initials or code: a search field whose matches are
//! listed under it (Left/Right choose). Enterprises are searched in the register through the service
//! (paged in SQL, after a pause in typing) and shown with their business status; short reference
//! lists such as regions are filtered here as they are typed.

use crate::domain::enterprise::Status;
use crate::i18n::{Lang, T};
use crate::store::reference::Region;
use crate::tui::app::{Input, Out};
use crate::tui::msg::Effect;
use crate::tui::overlays::matches;
use crate::tui::screens::assistance::form::{Choice, FieldKind, FormField};

/// Quiet time after typing before a register search runs.
pub const SEARCH_DEBOUNCE_MS: u64 = 250;

/// One enterprise a search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnterpriseMatch {
    pub id: i64,
    pub name: String,
    pub uscc: String,
    /// The stored business status code (正常/停产/注销 when shown).
    pub status: String,
}

/// The option an enterprise match gives: name, USCC and business status, in each language.
pub fn enterprise_choice(m: &EnterpriseMatch) -> Choice {
    let label = |lang: Lang| {
        let status = Status::parse(&m.status).map_or(T::Unknown, Status::label);
        format!("{}  {}  {}", m.name, m.uscc, status.get(lang))
    };
    Choice {
        code: m.id.to_string(),
        zh: label(Lang::Zh),
        en: label(Lang::En),
    }
}

/// The regions as options (code, name in each language).
pub fn region_choices(regions: &[Region]) -> Vec<Choice> {
    regions
        .iter()
        .map(|r| Choice {
            code: r.code.clone(),
            zh: r.name_zh.clone(),
            en: r.name_en.clone(),
        })
        .collect()
}

/// The options whose name (either language), pinyin initials or code match what is typed.
/// Exact matches (name, code or initials) come first, then those that start with the query.
pub fn filter_local(all: &[Choice], query: &str) -> Vec<Choice> {
    let q = query.trim().to_lowercase();
    let rank = |c: &Choice| {
        let keys = [
            c.zh.to_lowercase(),
            c.en.to_lowercase(),
            c.code.to_lowercase(),
            crate::domain::pinyin::initials(&c.zh),
        ];
        if keys.contains(&q) {
            0
        } else if keys.iter().any(|k| k.starts_with(&q)) {
            1
        } else {
            2
        }
    };
    let mut found: Vec<Choice> = all
        .iter()
        .filter(|c| matches(&c.zh, query) || matches(&c.en, query) || matches(&c.code, query))
        .cloned()
        .collect();
    found.sort_by_key(rank);
    found
}

/// A key or paste in a search field. With `local` options the matches are filtered at once;
/// otherwise a changed query clears them and asks for a register search after a pause (the token
/// tells the newest search from older answers). `None` when the input is not for the field.
pub fn search_input(
    f: &mut FormField,
    input: &Input,
    token: &mut u64,
    local: &[Choice],
) -> Option<Out> {
    if f.kind != FieldKind::Search {
        return None;
    }
    let before = f.typed().to_string();
    match input {
        Input::Key(k) => crate::tui::screens::edit_text(&mut f.input, *k),
        Input::Paste(text) => {
            f.input
                .insert(&crate::tui::text::strip_controls(text).replace('\n', " "));
        }
        Input::Cmd(_) => return None,
    }
    if f.typed() == before {
        return Some(Out::default());
    }
    f.cursor = 0;
    if !local.is_empty() {
        f.options = filter_local(local, f.typed().trim());
        return Some(Out::default());
    }
    f.options.clear();
    *token += 1;
    Some(Out::effect(Effect::Debounce {
        token: *token,
        ms: SEARCH_DEBOUNCE_MS,
    }))
}

/// A search field's pick: the chosen option's code, or else the typed text (resolved when saved).
pub fn picked(f: &FormField) -> (Option<String>, String) {
    match f.code() {
        Some(c) => (Some(c.to_string()), String::new()),
        None => (None, f.typed().trim().to_string()),
    }
}

/// Matches shown under a search field at most (a window around the chosen one).
pub const SHOWN_MATCHES: usize = 5;

/// Draws a search field's matches under it, the chosen one marked; returns the rows used.
#[allow(clippy::too_many_arguments)]
pub fn draw_matches(
    frame: &mut ratatui::Frame<'_>,
    x: u16,
    y: u16,
    cells: usize,
    bottom: u16,
    f: &FormField,
    lang: Lang,
    theme: crate::tui::theme::Theme,
) -> u16 {
    let first = f.cursor.saturating_sub(SHOWN_MATCHES - 1);
    let mut used = 0;
    for (j, c) in f.options.iter().enumerate().skip(first).take(SHOWN_MATCHES) {
        if y + used >= bottom {
            break;
        }
        let mark = if j == f.cursor { "(*)" } else { "( )" };
        let style = if j == f.cursor {
            theme.selected()
        } else {
            theme.base()
        };
        let line = format!("{mark} {}", crate::tui::text::sanitize(c.label(lang)));
        crate::tui::draw::put_fit(frame, x, y + used, &line, cells, style);
        used += 1;
    }
    used
}
