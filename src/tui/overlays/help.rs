//! F1 / `?`: help for the current context, generated from the binding table, filterable by typing.

use crate::i18n::{Lang, T, Text};
use crate::tui::app::{App, Input};
use crate::tui::draw::{centered, dialog, put, put_fit};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Binding, Cmd, Ctx, bindings_for, keys_label};
use crate::tui::overlays::{OverlayOut, matches};
use crate::tui::screens::edit_text;
use crate::tui::text::width;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpState {
    /// The context the help is about (the screen under the dialog).
    pub ctx: Ctx,
    pub filter: TextInput,
    pub scroll: usize,
}

/// The title naming a context.
pub fn ctx_title(ctx: Ctx) -> T {
    match ctx {
        Ctx::Setup => T::ScreenSetup,
        Ctx::Login => T::ScreenLogin,
        Ctx::Lock => T::ScreenLock,
        Ctx::Home => T::ScreenHome,
        Ctx::List | Ctx::Search => T::ScreenList,
        Ctx::Detail => T::ScreenDetail,
        Ctx::Form => T::ScreenForm,
        Ctx::Users | Ctx::Account | Ctx::AdminForm => T::ScreenUsers,
        Ctx::Settings | Ctx::SettingEdit => T::ScreenSettings,
        Ctx::Audit | Ctx::AuditEntry => T::ScreenAudit,
        Ctx::Report => T::ReportTitle,
        Ctx::AssistanceQueue => T::AssistanceScreenQueue,
        Ctx::AssistanceDetail => T::HelpCtxAssistanceDetail,
        Ctx::PositiveListList => T::ScreenPlList,
        Ctx::PositiveListEntry => T::HelpCtxPositiveListEntry,
        Ctx::PositiveListBatches => T::ScreenPlBatches,
        Ctx::MeetingList => T::MeetingScreenList,
        Ctx::MeetingDetail => T::HelpCtxMeetingDetail,
        Ctx::ManifestList => T::ManifestScreenList,
        Ctx::ManifestDetail => T::HelpCtxManifestDetail,
        Ctx::ManifestRef => T::ManifestScreenRef,
        Ctx::InspectionList => T::InspectionScreenList,
        Ctx::InspectionDetail => T::HelpCtxInspectionDetail,
        Ctx::RectList => T::InspectionScreenRects,
        Ctx::Draws => T::DrawScreen,
        Ctx::Picker | Ctx::MultiPicker | Ctx::ManifestPicker => T::HelpCtxPicker,
        Ctx::Confirm => T::DialogConfirm,
        Ctx::Filter => T::KeyFilter,
        Ctx::Palette => T::KeyPalette,
        // Forms are named by their own title (the breadcrumb's last part), see `render`.
        _ => T::KeyHelp,
    }
}

/// Whether the context is a form, named in the help title by the form's own title.
fn is_form(ctx: Ctx) -> bool {
    matches!(
        ctx,
        Ctx::Form
            | Ctx::AdminForm
            | Ctx::AssistanceForm
            | Ctx::ManifestForm
            | Ctx::ManifestAction
            | Ctx::InspectionForm
            | Ctx::DeleteDialog
            | Ctx::Global
            | Ctx::Help
    )
}

impl HelpState {
    pub fn new(ctx: Ctx) -> HelpState {
        HelpState {
            ctx,
            filter: TextInput::default(),
            scroll: 0,
        }
    }

    pub fn on_input(&mut self, input: Input) -> OverlayOut {
        match input {
            Input::Cmd(Cmd::Back | Cmd::Help) => return OverlayOut::Close,
            Input::Cmd(Cmd::Up) => self.scroll = self.scroll.saturating_sub(1),
            Input::Cmd(Cmd::Down) => self.scroll += 1,
            Input::Key(k) => {
                edit_text(&mut self.filter, k);
                self.scroll = 0;
            }
            Input::Paste(p) => {
                self.filter.insert(&p);
                self.scroll = 0;
            }
            Input::Cmd(_) => {}
        }
        OverlayOut::Stay(None)
    }

    /// (keys, description) rows offered to this person, matching the typed filter.
    pub fn rows(&self, app: &App) -> Vec<(String, String)> {
        let lang = app.lang;
        bindings_for(self.ctx)
            .into_iter()
            .filter(|b| !b.keys.is_empty() && app.offers(b.cmd))
            .filter(|b| help_matches(b, self.ctx, self.filter.value()))
            .map(|b| (keys_label(self.ctx, b), b.desc.get(lang).to_string()))
            .collect()
    }

    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) -> Option<Position> {
        let lang = app.lang;
        let theme = app.theme;
        let area = centered(body, 72, body.height);
        let title = if is_form(self.ctx) {
            Text::new(T::HelpTitle)
                .arg("screen", crate::tui::render::screen_title(app))
                .render(lang)
        } else {
            Text::new(T::HelpTitle)
                .arg_key("screen", ctx_title(self.ctx))
                .render(lang)
        };
        let inner = dialog(frame, area, &title, theme);
        let label = T::HelpFilter.get(lang);
        let x = put(frame, inner.x + 1, inner.y, label, 30, theme.label()) + 1;
        let field_w = usize::from(inner.right().saturating_sub(x + 1));
        let (shown, col) = self.filter.view(field_w);
        put_fit(frame, x, inner.y, &shown, field_w, theme.field_focus());
        let rows = self.rows(app);
        let key_w = rows
            .iter()
            .map(|(k, _)| width(k))
            .max()
            .unwrap_or(8)
            .min(28)
            + 2;
        let visible = usize::from(inner.height.saturating_sub(2));
        let scroll = self.scroll.min(rows.len().saturating_sub(visible));
        if rows.is_empty() {
            put(
                frame,
                inner.x + 1,
                inner.y + 2,
                T::HelpNoMatch.get(lang),
                60,
                theme.dim(),
            );
        }
        for (i, (keys, desc)) in rows.iter().skip(scroll).take(visible).enumerate() {
            let y = inner.y + 2 + i as u16;
            put_fit(
                frame,
                inner.x + 1,
                y,
                keys,
                key_w,
                theme.hint_key().patch(theme.base()),
            );
            put(
                frame,
                inner.x + 1 + key_w as u16,
                y,
                desc,
                usize::from(inner.width).saturating_sub(key_w + 2),
                theme.base(),
            );
        }
        Some(Position::new(x + col as u16, inner.y))
    }
}

fn help_matches(b: &Binding, ctx: Ctx, q: &str) -> bool {
    matches(&keys_label(ctx, b), q)
        || matches(b.desc.get(Lang::Zh), q)
        || matches(b.desc.get(Lang::En), q)
}
