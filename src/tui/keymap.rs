//! The one binding table: (context, keys, command, description). Key lookup, the footer hints, the F1
//! help overlay and the command palette are all generated from it, so they cannot disagree.
//! Every F-key has a Ctrl or letter alias (some SSH clients and desktops take F-keys); no Alt bindings.

use crate::domain::user::Action;
use crate::i18n::T;

pub use crate::tui::keys::Key;

/// Where a binding applies. `Global` applies everywhere a more specific binding does not take the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ctx {
    Global,
    Setup,
    Login,
    Lock,
    Home,
    List,
    Search,
    Detail,
    Form,
    Help,
    Palette,
    Confirm,
    Picker,
    /// A picker where several values may be ticked (Space ticks; typing does not filter).
    MultiPicker,
    Filter,
    DeleteDialog,
}

impl Ctx {
    /// Contexts with a focused text field: printable keys type there instead of acting.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Ctx::Setup
                | Ctx::Login
                | Ctx::Lock
                | Ctx::Search
                | Ctx::Form
                | Ctx::Help
                | Ctx::Palette
                | Ctx::Picker
                | Ctx::DeleteDialog
        )
    }

    /// Contexts the command palette and global commands may act from (not while a dialog is open).
    pub fn is_screen(self) -> bool {
        matches!(
            self,
            Ctx::Home | Ctx::List | Ctx::Search | Ctx::Detail | Ctx::Form
        )
    }
}

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cmd {
    Help,
    Palette,
    Quit,
    Redraw,
    Back,
    Lock,
    Logout,
    GoHome,
    GoList,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Search,
    Filter,
    ClearFilter,
    Refresh,
    Sort,
    New,
    Edit,
    Delete,
    Save,
    NextField,
    PrevField,
    Pick,
    Reload,
    Toggle,
    PrevValue,
    NextValue,
    Clear,
    Submit,
}

impl Cmd {
    /// The permission a command needs; the palette and hints offer only what the role permits.
    pub fn needs(self) -> Option<Action> {
        match self {
            Cmd::New => Some(Action::EnterpriseCreate),
            Cmd::Edit => Some(Action::EnterpriseUpdate),
            Cmd::Delete => Some(Action::EnterpriseDelete),
            Cmd::GoList | Cmd::Search | Cmd::Filter => Some(Action::EnterpriseRead),
            _ => None,
        }
    }
}

/// One row of the table. `hint` marks the bindings shown on the footer row.
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub cmd: Cmd,
    pub desc: T,
    pub hint: bool,
}

const fn b(ctx: Ctx, keys: &'static [Key], cmd: Cmd, desc: T, hint: bool) -> Binding {
    Binding {
        ctx,
        keys,
        cmd,
        desc,
        hint,
    }
}

use Key::*;

/// Every binding of the application. Order decides the footer's priority within a context.
pub const BINDINGS: &[Binding] = &[
    // Screens
    b(Ctx::Setup, &[Enter], Cmd::Submit, T::KeySubmit, true),
    b(
        Ctx::Setup,
        &[Tab, Down],
        Cmd::NextField,
        T::KeyNextField,
        true,
    ),
    b(
        Ctx::Setup,
        &[BackTab, Up],
        Cmd::PrevField,
        T::KeyPrevField,
        false,
    ),
    b(Ctx::Setup, &[Esc], Cmd::Back, T::KeyBack, true),
    b(Ctx::Login, &[Enter], Cmd::Submit, T::KeyLogin, true),
    b(
        Ctx::Login,
        &[Tab, Down, BackTab, Up],
        Cmd::NextField,
        T::KeyNextField,
        true,
    ),
    b(Ctx::Lock, &[Enter], Cmd::Submit, T::KeyUnlock, true),
    b(Ctx::Home, &[Up, Char('k')], Cmd::Up, T::KeyUp, false),
    b(Ctx::Home, &[Down, Char('j')], Cmd::Down, T::KeyDown, false),
    b(Ctx::Home, &[Enter], Cmd::Open, T::KeyOpenTask, true),
    b(
        Ctx::Home,
        &[Char('l'), F(6)],
        Cmd::GoList,
        T::KeyGoList,
        true,
    ),
    b(
        Ctx::Home,
        &[Insert, F(7), Ctrl('n')],
        Cmd::New,
        T::KeyNew,
        true,
    ),
    b(
        Ctx::Home,
        &[F(5), Ctrl('r')],
        Cmd::Refresh,
        T::KeyRefresh,
        false,
    ),
    b(Ctx::List, &[Up, Char('k')], Cmd::Up, T::KeyUp, false),
    b(Ctx::List, &[Down, Char('j')], Cmd::Down, T::KeyDown, false),
    b(Ctx::List, &[PageUp], Cmd::PageUp, T::KeyPageUp, false),
    b(Ctx::List, &[PageDown], Cmd::PageDown, T::KeyPageDown, false),
    b(
        Ctx::List,
        &[Home, Char('g')],
        Cmd::First,
        T::KeyFirst,
        false,
    ),
    b(Ctx::List, &[End, Char('G')], Cmd::Last, T::KeyLast, false),
    b(Ctx::List, &[Enter], Cmd::Open, T::KeyOpen, true),
    b(
        Ctx::List,
        &[Char('/'), F(3), Ctrl('f')],
        Cmd::Search,
        T::KeySearch,
        true,
    ),
    b(
        Ctx::List,
        &[F(4), Ctrl('t')],
        Cmd::Filter,
        T::KeyFilter,
        true,
    ),
    b(
        Ctx::List,
        &[Char('s'), F(6), Ctrl('o')],
        Cmd::Sort,
        T::KeySort,
        true,
    ),
    b(
        Ctx::List,
        &[Char('x'), Ctrl('x')],
        Cmd::ClearFilter,
        T::KeyClearFilter,
        false,
    ),
    b(
        Ctx::List,
        &[Insert, F(7), Ctrl('n')],
        Cmd::New,
        T::KeyNew,
        true,
    ),
    b(
        Ctx::List,
        &[F(5), Ctrl('r')],
        Cmd::Refresh,
        T::KeyRefresh,
        false,
    ),
    b(Ctx::Search, &[Enter], Cmd::Submit, T::KeySearchApply, true),
    b(Ctx::Search, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::Search, &[Down, Tab], Cmd::Down, T::KeyToList, true),
    b(Ctx::Search, &[Esc], Cmd::Back, T::KeySearchLeave, true),
    b(Ctx::Detail, &[Up], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::Detail, &[Down], Cmd::Down, T::KeyScrollDown, false),
    b(Ctx::Detail, &[PageUp], Cmd::PageUp, T::KeyPageUp, false),
    b(
        Ctx::Detail,
        &[PageDown],
        Cmd::PageDown,
        T::KeyPageDown,
        false,
    ),
    b(Ctx::Detail, &[Home], Cmd::First, T::KeyTop, false),
    b(Ctx::Detail, &[End], Cmd::Last, T::KeyBottom, false),
    b(Ctx::Detail, &[F(8), Ctrl('e')], Cmd::Edit, T::KeyEdit, true),
    b(
        Ctx::Detail,
        &[Delete, F(9), Ctrl('d')],
        Cmd::Delete,
        T::KeyDelete,
        true,
    ),
    b(
        Ctx::Detail,
        &[F(5), Ctrl('r')],
        Cmd::Refresh,
        T::KeyRefresh,
        false,
    ),
    b(Ctx::Form, &[F(2), Ctrl('s')], Cmd::Save, T::KeySave, true),
    b(
        Ctx::Form,
        &[Tab, Down, Enter],
        Cmd::NextField,
        T::KeyNextField,
        true,
    ),
    b(
        Ctx::Form,
        &[BackTab, Up],
        Cmd::PrevField,
        T::KeyPrevField,
        false,
    ),
    b(Ctx::Form, &[F(4), Ctrl('p')], Cmd::Pick, T::KeyPick, true),
    b(
        Ctx::Form,
        &[F(5), Ctrl('r')],
        Cmd::Reload,
        T::KeyReload,
        false,
    ),
    // Dialogs
    b(Ctx::Help, &[Up], Cmd::Up, T::KeyScrollUp, false),
    b(Ctx::Help, &[Down], Cmd::Down, T::KeyScrollDown, false),
    b(Ctx::Help, &[Esc, F(1)], Cmd::Back, T::KeyClose, true),
    b(Ctx::Palette, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::Palette, &[Down], Cmd::Down, T::KeyDown, false),
    b(Ctx::Palette, &[Enter], Cmd::Submit, T::KeyRun, true),
    b(Ctx::Palette, &[Esc], Cmd::Back, T::KeyClose, true),
    b(
        Ctx::Confirm,
        &[Left, Right, Tab, BackTab],
        Cmd::Toggle,
        T::KeyToggleChoice,
        true,
    ),
    b(Ctx::Confirm, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::Confirm, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(Ctx::Picker, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::Picker, &[Down], Cmd::Down, T::KeyDown, false),
    b(Ctx::Picker, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::Picker, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(Ctx::MultiPicker, &[Up], Cmd::Up, T::KeyUp, false),
    b(Ctx::MultiPicker, &[Down], Cmd::Down, T::KeyDown, false),
    b(
        Ctx::MultiPicker,
        &[Char(' '), Ctrl(' '), Insert],
        Cmd::Toggle,
        T::KeyToggleFlag,
        true,
    ),
    b(Ctx::MultiPicker, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::MultiPicker, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(Ctx::Filter, &[Up, Char('k')], Cmd::Up, T::KeyUp, false),
    b(
        Ctx::Filter,
        &[Down, Char('j')],
        Cmd::Down,
        T::KeyDown,
        false,
    ),
    b(
        Ctx::Filter,
        &[Right, Char(' ')],
        Cmd::NextValue,
        T::KeyCycleValue,
        true,
    ),
    b(Ctx::Filter, &[Left], Cmd::PrevValue, T::KeyCycleBack, false),
    b(
        Ctx::Filter,
        &[Delete, Backspace],
        Cmd::Clear,
        T::KeyClearValue,
        true,
    ),
    b(Ctx::Filter, &[Enter], Cmd::Submit, T::KeyApply, true),
    b(Ctx::Filter, &[Esc], Cmd::Back, T::KeyCancel, true),
    b(
        Ctx::DeleteDialog,
        &[Tab, BackTab],
        Cmd::Toggle,
        T::KeyNextField,
        true,
    ),
    b(Ctx::DeleteDialog, &[Enter], Cmd::Submit, T::KeyChoose, true),
    b(Ctx::DeleteDialog, &[Esc], Cmd::Back, T::KeyCancel, true),
    // Everywhere (after the context's own keys). Bindings without keys are palette-only.
    b(Ctx::Global, &[F(1), Char('?')], Cmd::Help, T::KeyHelp, true),
    b(
        Ctx::Global,
        &[F(10), Ctrl('q')],
        Cmd::Quit,
        T::KeyQuit,
        true,
    ),
    b(
        Ctx::Global,
        &[Ctrl('k'), Char(':')],
        Cmd::Palette,
        T::KeyPalette,
        true,
    ),
    b(Ctx::Global, &[Esc], Cmd::Back, T::KeyBack, true),
    b(Ctx::Global, &[Ctrl('l')], Cmd::Redraw, T::KeyRedraw, false),
    b(Ctx::Global, &[], Cmd::GoHome, T::KeyGoHome, false),
    b(Ctx::Global, &[], Cmd::GoList, T::KeyGoList, false),
    b(Ctx::Global, &[], Cmd::New, T::KeyNew, false),
    b(Ctx::Global, &[], Cmd::Lock, T::KeyLock, false),
    b(Ctx::Global, &[], Cmd::Logout, T::KeyLogout, false),
];

/// Contexts where global bindings apply; dialogs and the pre-login screens take only a few.
fn global_applies(ctx: Ctx, cmd: Cmd) -> bool {
    match ctx {
        // Home is the bottom of the stack: Esc has nowhere to go back to.
        Ctx::Home => cmd != Cmd::Back,
        Ctx::List | Ctx::Search | Ctx::Detail | Ctx::Form => true,
        Ctx::Setup | Ctx::Login => matches!(cmd, Cmd::Help | Cmd::Quit | Cmd::Redraw),
        Ctx::Lock => matches!(cmd, Cmd::Quit | Cmd::Redraw),
        _ => matches!(cmd, Cmd::Redraw),
    }
}

/// The command a key gives in a context, if any. In text contexts printable keys never act.
pub fn lookup(ctx: Ctx, key: Key) -> Option<Cmd> {
    if ctx.types_text() && key.is_printable() {
        return None;
    }
    let own = BINDINGS
        .iter()
        .find(|b| b.ctx == ctx && b.keys.contains(&key));
    own.or_else(|| {
        BINDINGS
            .iter()
            .find(|b| b.ctx == Ctx::Global && b.keys.contains(&key) && global_applies(ctx, b.cmd))
    })
    .map(|b| b.cmd)
}

/// The bindings that apply in a context: its own, then the global ones that reach it (without
/// duplicating a command the context already binds).
pub fn bindings_for(ctx: Ctx) -> Vec<&'static Binding> {
    let own: Vec<&Binding> = BINDINGS.iter().filter(|b| b.ctx == ctx).collect();
    let global = BINDINGS.iter().filter(|b| {
        b.ctx == Ctx::Global && global_applies(ctx, b.cmd) && !own.iter().any(|o| o.cmd == b.cmd)
    });
    own.iter().copied().chain(global).collect()
}

/// The keys of a binding as text (`F1, ?`), hiding printable aliases where keys type text.
pub fn keys_label(ctx: Ctx, b: &Binding) -> String {
    b.keys
        .iter()
        .filter(|k| !(ctx.types_text() && k.is_printable()))
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first usable key of a binding, for the footer.
pub fn first_key(ctx: Ctx, b: &Binding) -> Option<String> {
    b.keys
        .iter()
        .find(|k| !(ctx.types_text() && k.is_printable()))
        .map(|k| k.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_key_binding_has_a_non_function_alias() {
        for b in BINDINGS {
            if b.keys.iter().any(|k| matches!(k, Key::F(_))) {
                assert!(
                    b.keys.iter().any(|k| !matches!(k, Key::F(_))),
                    "{:?} in {:?} has only F-keys",
                    b.cmd,
                    b.ctx
                );
            }
        }
    }

    #[test]
    fn letters_type_text_in_forms_but_act_in_lists() {
        assert_eq!(lookup(Ctx::List, Key::Char('j')), Some(Cmd::Down));
        assert_eq!(lookup(Ctx::Form, Key::Char('j')), None);
        assert_eq!(lookup(Ctx::Form, Key::Char('?')), None);
        assert_eq!(lookup(Ctx::Form, Key::F(1)), Some(Cmd::Help));
        assert_eq!(lookup(Ctx::List, Key::Char('?')), Some(Cmd::Help));
        assert_eq!(lookup(Ctx::Form, Key::Ctrl('k')), Some(Cmd::Palette));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.ctx == b.ctx {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.ctx);
                    }
                }
            }
        }
    }
}
