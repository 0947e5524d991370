//! Screen snapshots over ratatui's TestBackend, at 80x24 (the minimum), 120x40 and too small, in
//! Chinese and English, with realistic data (long mixed-width names). Review changes by eye:
//! `INSTA_UPDATE=always cargo test --test tui_snapshots`, then read tests/snapshots/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod tui_common;

use crossterm::event::KeyCode;
use ecocase::domain::enterprise::FormerName;
use ecocase::domain::validate::FieldIssue;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::home::{Home, HomeTask, TaskKind};
use ecocase::store::audit::AuditRow;
use ecocase::store::enterprise::{Alert, Filter};
use ecocase::tui::app::{App, update};
use ecocase::tui::msg::Msg;
use ecocase::tui::screens::enterprise::EnterpriseEffect;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::enterprise::{DetailData, PageRequest, SaveError};
use ecocase::tui::theme::Theme;
use tui_common::*;

fn snap(app: &App, w: u16, h: u16) -> String {
    let (text, cursor) = screen(app, w, h);
    match cursor {
        Some((x, y)) => format!("{text}cursor: {x},{y}\n"),
        None => format!("{text}cursor: hidden\n"),
    }
}

fn lang_name(lang: Lang) -> &'static str {
    lang.code()
}

fn login(lang: Lang) -> App {
    let mut app = App::new(lang, Theme::default(), (80, 24), false);
    type_text(&mut app, "staff");
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "secret");
    app
}

fn home(lang: Lang) -> App {
    let mut info = staff();
    info.demo = true;
    let mut app = logged_in(info, lang);
    let task = |kind, count| HomeTask {
        kind,
        count,
        filter: Filter::default(),
    };
    let home = Home {
        assist: None,
        manifests: None,
        inspect: None,
        calendar_missing: None,
        tasks: vec![
            task(TaskKind::PermitExpiring, 12),
            task(TaskKind::PermitExpired, 3),
            task(TaskKind::NonstandardUscc, 1),
            task(TaskKind::WarningsAcknowledged, 0),
            task(TaskKind::Operating, 1846),
            task(TaskKind::Suspended, 97),
            task(TaskKind::Closed, 41),
            task(TaskKind::All, 1984),
        ],
        own: None,
        plist: None,
    };
    update(&mut app, Msg::HomeLoaded(Ok(home)));
    app
}

fn load_page(app: &mut App, fx: Vec<ecocase::tui::msg::Effect>, total: i64) {
    let req: PageRequest = fx
        .into_iter()
        .find_map(|e| match e {
            ecocase::tui::msg::Effect::Enterprise(EnterpriseEffect::LoadPage(r)) => Some(r),
            _ => None,
        })
        .expect("page request");
    update(
        app,
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: req.req,
            start: req.start,
            rows: Ok(rows()),
            total: Some(total),
        }),
    );
}

/// The list filtered to 东昌府区 and one alert, searched, first page shown, second row selected.
fn list(lang: Lang, w: u16, h: u16) -> App {
    let mut app = home(lang);
    update(&mut app, Msg::Resize(w, h));
    let filter = Filter {
        region: Some("371502".into()),
        alert: Some(Alert::PermitExpiring {
            from: "2026-11-29".into(),
            to: "2026-12-29".into(),
        }),
        ..Filter::default()
    };
    let home = Home {
        assist: None,
        manifests: None,
        inspect: None,
        calendar_missing: None,
        tasks: vec![HomeTask {
            kind: TaskKind::PermitExpiring,
            count: 12,
            filter,
        }],
        own: None,
        plist: None,
    };
    update(&mut app, Msg::HomeLoaded(Ok(home)));
    let fx = update(&mut app, key(KeyCode::Enter));
    load_page(&mut app, fx, 1984);
    update(&mut app, key(KeyCode::Down));
    app
}

fn detail(lang: Lang) -> App {
    let mut app = list(lang, 80, 24);
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Down));
    update(&mut app, key(KeyCode::Enter));
    let mut e = rows()[3].clone();
    e.name = "莘县华泰造纸有限责任公司\u{1b}[31m".into();
    let history = vec![
        AuditRow {
            seq: 10,
            at: "2026-01-05T02:00:00Z".into(),
            actor: "u1".into(),
            actor_name: "staff".into(),
            action: "create".into(),
            entity: "enterprise".into(),
            record_uid: e.uid.clone(),
            before_json: None,
            after_json: Some("{}".into()),
            prev_hash: String::new(),
            hash: String::new(),
        },
        AuditRow {
            seq: 42,
            at: "2026-11-20T06:30:00Z".into(),
            actor: "u2".into(),
            actor_name: "supervisor".into(),
            action: "update".into(),
            entity: "enterprise".into(),
            record_uid: e.uid.clone(),
            before_json: Some(r#"{"name":"莘县华泰造纸厂","phone":"1","row_version":2}"#.into()),
            after_json: Some(
                r#"{"name":"莘县华泰造纸有限责任公司","phone":"2","row_version":3}"#.into(),
            ),
            prev_hash: String::new(),
            hash: String::new(),
        },
    ];
    let data = DetailData {
        assistance: Vec::new(),
        manifests: Vec::new(),
        inspections: Default::default(),
        enterprise: e,
        former_names: vec![FormerName {
            name: "莘县华泰造纸厂".into(),
            valid_to: ecocase::domain::time::Day::parse("2026-11-20").expect("day"),
        }],
        history: Some(history),
        list_entries: vec![],
        list_history: Vec::new(),
    };
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::DetailLoaded {
            id: 4,
            data: Ok(data),
        }),
    );
    app
}

/// A new-enterprise form after a refused save: wrong check character, name typed, focus on the name.
fn form_with_error(lang: Lang) -> App {
    let mut app = list(lang, 80, 24);
    update(&mut app, key(KeyCode::Insert));
    type_text(&mut app, "91130200699229617A");
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "聊城市绿源化工");
    update(&mut app, key(KeyCode::F(2)));
    let issues = vec![
        FieldIssue::error(
            "uscc",
            "uscc_checksum",
            Text::new(T::ErrUsccCheck).arg("expected", 'X'),
        ),
        FieldIssue::error(
            "region_code",
            "required",
            Text::new(T::ErrRequired).arg_key("field", T::FieldRegion),
        ),
    ];
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::SaveFailed(SaveError::Invalid(issues))),
    );
    // Back to the name to keep typing there.
    update(&mut app, key(KeyCode::Tab));
    update(&mut app, key(KeyCode::Tab));
    app
}

#[test]
fn login_screen() {
    for lang in [Lang::Zh, Lang::En] {
        insta::assert_snapshot!(
            format!("login_{}", lang_name(lang)),
            snap(&login(lang), 80, 24)
        );
    }
}

#[test]
fn first_run_screen() {
    let app = App::new(Lang::Zh, Theme::default(), (80, 24), true);
    insta::assert_snapshot!("setup_zh", snap(&app, 80, 24));
}

#[test]
fn home_screen_with_counts_and_demo_marker() {
    for lang in [Lang::Zh, Lang::En] {
        insta::assert_snapshot!(
            format!("home_{}", lang_name(lang)),
            snap(&home(lang), 80, 24)
        );
    }
}

#[test]
fn enterprise_account_sees_its_own_card() {
    let mut app = logged_in(enterprise_user(), Lang::Zh);
    let own = rows()[0].clone();
    update(
        &mut app,
        Msg::HomeLoaded(Ok(Home {
            assist: None,
            manifests: None,
            inspect: None,
            calendar_missing: None,
            tasks: Vec::new(),
            own: Some(own),
            plist: None,
        })),
    );
    let shown = snap(&app, 80, 24);
    assert!(shown.contains("聊城市东昌府区绿源精细化工科技有限公司"));
    assert!(
        !shown.contains("新建企业"),
        "enterprise accounts are not offered creation"
    );
    insta::assert_snapshot!("home_enterprise_zh", shown);
}

#[test]
fn enterprise_list_at_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let app = list(lang, 80, 24);
        insta::assert_snapshot!(
            format!("list_{}_80x24", lang_name(lang)),
            snap(&app, 80, 24)
        );
    }
}

#[test]
fn enterprise_list_at_120x40_has_a_side_panel() {
    let app = list(Lang::Zh, 120, 40);
    let shown = snap(&app, 120, 40);
    // The side panel shows more of the selected row than the table: its permit number.
    assert!(shown.contains("911302307808371268001P"));
    insta::assert_snapshot!("list_zh_120x40", shown);
}

#[test]
fn enterprise_detail() {
    for lang in [Lang::Zh, Lang::En] {
        let app = detail(lang);
        let shown = snap(&app, 80, 24);
        assert!(
            shown.contains("^[[31m"),
            "escape sequences are shown, not sent"
        );
        insta::assert_snapshot!(format!("detail_{}", lang_name(lang)), shown);
    }
}

#[test]
fn form_with_a_validation_error() {
    for lang in [Lang::Zh, Lang::En] {
        let app = form_with_error(lang);
        insta::assert_snapshot!(
            format!("form_error_{}", lang_name(lang)),
            snap(&app, 80, 24)
        );
    }
}

#[test]
fn cursor_sits_after_the_last_chinese_character_of_the_focused_field() {
    let app = form_with_error(Lang::Zh);
    let (text, cursor) = screen(&app, 80, 24);
    let (x, y) = cursor.expect("cursor shown in the focused field");
    let line = text.lines().nth(usize::from(y)).expect("cursor row");
    assert!(line.contains("聊城市绿源化工"), "{line}");
    // The field starts after the label column; 7 Chinese characters are 14 cells wide.
    let label_end =
        unicode_width::UnicodeWidthStr::width(&line[..line.find("聊城市").expect("name")]);
    assert_eq!(usize::from(x), label_end + 14);
}

#[test]
fn too_small_window() {
    for lang in [Lang::Zh, Lang::En] {
        let app = list(lang, 60, 20);
        let shown = snap(&app, 60, 20);
        assert!(shown.contains("60x20"));
        insta::assert_snapshot!(format!("too_small_{}", lang_name(lang)), shown);
    }
}

#[test]
fn help_overlay() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = list(lang, 80, 24);
        update(&mut app, key(KeyCode::F(1)));
        insta::assert_snapshot!(format!("help_{}", lang_name(lang)), snap(&app, 80, 24));
    }
}

#[test]
fn ascii_borders_and_mono_theme() {
    let mut app = list(Lang::Zh, 80, 24);
    app.theme = Theme {
        mono: true,
        ascii: true,
    };
    update(&mut app, ctrl('k'));
    let shown = snap(&app, 80, 24);
    assert!(!shown.contains('─') && !shown.contains('│') && shown.contains("+-"));
    insta::assert_snapshot!("palette_ascii_zh", shown);
}

/// At 80 columns the footer keeps help and the way back whatever else has to give way.
#[test]
fn footer_fits_at_80_columns_and_keeps_help_and_back() {
    for lang in [Lang::Zh, Lang::En] {
        let mut form = list(lang, 80, 24);
        update(&mut form, key(KeyCode::Insert));
        for (name, app) in [
            ("list", list(lang, 80, 24)),
            ("detail", detail(lang)),
            ("form", form),
        ] {
            let shown = snap(&app, 80, 24);
            let footer = shown.lines().nth(23).expect("footer row");
            assert!(footer.contains("F1 "), "{name} {lang:?}: {footer}");
            assert!(footer.contains("Esc "), "{name} {lang:?}: {footer}");
            assert!(unicode_width::UnicodeWidthStr::width(footer) <= 80);
        }
    }
}

#[test]
fn multi_choice_picker_names_space_and_single_choice_offers_no_ticking() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = list(lang, 80, 24);
        update(&mut app, key(KeyCode::Insert));
        for _ in 0..12 {
            update(&mut app, key(KeyCode::Tab));
        }
        update(&mut app, key(KeyCode::F(4)));
        let shown = snap(&app, 80, 24);
        let footer = shown.lines().nth(23).expect("footer").to_string();
        assert!(footer.starts_with("Space "), "{footer}");
        assert!(!footer.contains("Ctrl- "), "{footer}");
        insta::assert_snapshot!(format!("picker_multi_{}", lang_name(lang)), shown);
        // A single-choice picker (the status) filters by typing and has nothing to tick.
        update(&mut app, key(KeyCode::Esc));
        for _ in 0..4 {
            update(&mut app, key(KeyCode::Tab));
        }
        update(&mut app, key(KeyCode::F(4)));
        let shown = snap(&app, 80, 24);
        let footer = shown.lines().nth(23).expect("footer");
        assert!(footer.starts_with("Enter "), "{footer}");
        assert!(
            !footer.contains("Space") && !footer.contains("勾选"),
            "{footer}"
        );
    }
}

#[test]
fn idle_lock_hides_the_screen_behind_it_including_the_title_row() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = detail(lang);
        update(&mut app, Msg::Tick { idle_secs: 3600 });
        let shown = snap(&app, 80, 24);
        let title = shown.lines().next().expect("title");
        assert!(!title.contains("莘县") && !title.contains('/'), "{title}");
        assert!(!shown.contains("莘县华泰"), "{shown}");
        insta::assert_snapshot!(format!("locked_{}", lang_name(lang)), shown);
    }
}

#[test]
fn the_order_is_named_on_the_title_row() {
    for (lang, words) in [(Lang::Zh, "(按状态)"), (Lang::En, "(by status)")] {
        let mut app = list(lang, 80, 24);
        for _ in 0..3 {
            let fx = update(&mut app, key(KeyCode::Char('s')));
            load_page(&mut app, fx, 1984);
        }
        let shown = snap(&app, 80, 24);
        assert!(
            shown.lines().next().expect("title").contains(words),
            "{shown}"
        );
        insta::assert_snapshot!(format!("list_by_status_{}", lang_name(lang)), shown);
    }
}
