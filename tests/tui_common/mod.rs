//! Fixtures for the TUI tests: sessions of each role, realistic enterprises with long mixed-width
//! names, key helpers, and a renderer that turns a frame into text for snapshots.

#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ecocase::domain::account::{Actor, Role};
use ecocase::domain::enterprise::Enterprise;
use ecocase::domain::time::Instant;
use ecocase::i18n::Lang;
use ecocase::service::home::Home;
use ecocase::store::reference::Region;
use ecocase::tui::app::Screen;
use ecocase::tui::app::{App, update};
use ecocase::tui::msg::{Effect, Msg, SessionInfo};
use ecocase::tui::render::draw;
use ecocase::tui::screens::enterprise::EnterpriseEffect;
use ecocase::tui::screens::enterprise::EnterpriseMsg;
use ecocase::tui::screens::enterprise::PageRequest;
use ecocase::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn regions() -> Vec<Region> {
    [
        ("371500", "聊城市", "Liaocheng City", "city"),
        ("371502", "东昌府区", "Dongchangfu District", "county"),
        ("371522", "莘县", "Shen County", "county"),
        ("371525", "冠县", "Guan County", "county"),
        (
            "3715A1",
            "聊城经济技术开发区",
            "Liaocheng Economic and Technological Development Zone",
            "zone",
        ),
    ]
    .into_iter()
    .map(|(code, zh, en, kind)| Region {
        code: code.into(),
        name_zh: zh.into(),
        name_en: en.into(),
        kind: kind.into(),
    })
    .collect()
}

pub fn session(username: &str, roles: &[Role], enterprise_id: Option<i64>) -> SessionInfo {
    SessionInfo {
        actor: Actor {
            user_id: 7,
            uid: format!("uid-{username}"),
            username: username.into(),
            display_name: username.into(),
            roles: roles.to_vec(),
            region: None,
            enterprise_id,
        },
        demo: false,
        idle_lock_minutes: 15,
        must_change_password: false,
        regions: regions(),
    }
}

pub fn staff() -> SessionInfo {
    session("staff", &[Role::Staff], None)
}

pub fn supervisor() -> SessionInfo {
    session("supervisor", &[Role::Supervisor], None)
}

pub fn enterprise_user() -> SessionInfo {
    session("enterprise", &[Role::Enterprise], Some(1))
}

/// An enterprise as the service returns it.
pub fn enterprise(id: i64, name: &str, uscc: &str, region: &str) -> Enterprise {
    Enterprise {
        id,
        uid: format!("e-{id}"),
        uscc: uscc.into(),
        uscc_nonstandard_reason: None,
        name: name.into(),
        legal_rep: "王建国".into(),
        contact: "李梅".into(),
        phone: "0635-8312345".into(),
        address: "聊城市东昌府区黄河路 88 号".into(),
        region_code: region.into(),
        industry_code: "2614".into(),
        permit_no: format!("{uscc}001P"),
        permit_class: "key".into(),
        permit_expiry: ecocase::domain::time::Day::parse("2027-06-30").ok(),
        key_flags: "water,air".into(),
        hw_class: "simplified".into(),
        credit: "blue".into(),
        perf_grade: "B".into(),
        list_status: "none".into(),
        status: "operating".into(),
        row_version: 3,
        created_at: Instant::parse("2026-01-05T02:00:00Z").expect("time"),
        updated_at: Instant::parse("2026-11-20T06:30:00Z").expect("time"),
        updated_by: "staff".into(),
    }
}

/// A page of realistic rows: long Chinese names, mixed Latin text, one flagged code.
pub fn rows() -> Vec<Enterprise> {
    let names = [
        (
            "聊城市东昌府区绿源精细化工科技有限公司",
            "91130200699229617X",
            "371502",
        ),
        (
            "山东鲁西化工ABC新材料股份有限公司第二分公司",
            "911302307808371268",
            "3715A1",
        ),
        ("冠县兴华纺织有限公司", "91371525MA3C0001XA", "371525"),
        ("莘县华泰造纸厂", "91371522MA3C0002XB", "371522"),
        (
            "聊城 Green Energy 新能源科技有限公司",
            "91371500MA3C0003XC",
            "371502",
        ),
    ];
    names
        .iter()
        .enumerate()
        .map(|(i, (n, u, r))| {
            let mut e = enterprise(i as i64 + 1, n, u, r);
            if i == 3 {
                e.uscc_nonstandard_reason = Some("2015 年前颁发的旧证".into());
                e.status = "suspended".into();
                e.credit = "yellow".into();
            }
            e
        })
        .collect()
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Sends each character as a key press; returns every effect.
pub fn type_text(app: &mut App, s: &str) -> Vec<Effect> {
    s.chars()
        .flat_map(|c| update(app, key(KeyCode::Char(c))))
        .collect()
}

/// Answers "yes" to the question before an irreversible action: checks that the question is open,
/// that it did nothing by itself, and that its focus starts on 取消; returns the effects of "yes".
pub fn yes(app: &mut App, asked: Vec<Effect>) -> Vec<Effect> {
    use ecocase::tui::overlays::Overlay;
    use ecocase::tui::overlays::confirm::ConfirmKind;
    assert!(asked.is_empty(), "asking does nothing yet: {asked:?}");
    match &app.overlay {
        Some(Overlay::Confirm(c)) => {
            assert!(
                matches!(c.kind, ConfirmKind::Proceed { .. }),
                "{:?}",
                c.kind
            );
            assert!(!c.yes, "the focus starts on 取消");
        }
        other => panic!("no question open: {other:?}"),
    }
    update(app, key(KeyCode::Right));
    update(app, key(KeyCode::Enter))
}

/// Sends messages in order and returns the effects of the last one.
pub fn send(app: &mut App, msgs: impl IntoIterator<Item = Msg>) -> Vec<Effect> {
    let mut last = Vec::new();
    for m in msgs {
        last = update(app, m);
    }
    last
}

/// A logged-in app on the home screen.
pub fn logged_in(info: SessionInfo, lang: Lang) -> App {
    let mut app = App::new(lang, Theme::default(), (80, 24), false);
    update(&mut app, Msg::LoggedIn(Ok(info)));
    app
}

/// Draws the app at `w` x `h` and returns the screen as text (wide characters once, trailing spaces
/// trimmed) and the terminal cursor position if shown.
pub fn screen(app: &App, w: u16, h: u16) -> (String, Option<(u16, u16)>) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| draw(f, app)).expect("draw");
    let backend = terminal.backend();
    let buf = backend.buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let cursor = backend
        .cursor_visible()
        .then(|| (backend.cursor_position().x, backend.cursor_position().y));
    (out, cursor)
}

pub fn page_request(fx: &[Effect]) -> PageRequest {
    fx.iter()
        .find_map(|e| match e {
            Effect::Enterprise(EnterpriseEffect::LoadPage(r)) => Some(r.clone()),
            _ => None,
        })
        .expect("a page request")
}

/// Home with one alert task, then the list opened from it and its first page loaded.
pub fn list_app(
    info: ecocase::tui::msg::SessionInfo,
    rows: Vec<ecocase::domain::enterprise::Enterprise>,
) -> App {
    let mut app = logged_in(info, Lang::Zh);
    update(&mut app, Msg::HomeLoaded(Ok(Home::default())));
    let fx = update(&mut app, key(KeyCode::Char('l')));
    let req = page_request(&fx);
    update(
        &mut app,
        Msg::Enterprise(EnterpriseMsg::PageLoaded {
            req: req.req,
            start: req.start,
            rows: Ok(rows),
            total: Some(5),
        }),
    );
    app
}

pub fn list(app: &App) -> &ecocase::tui::screens::enterprise::list::ListState {
    match app.screen() {
        Screen::List(l) => l,
        other => panic!("expected the list, got {other:?}"),
    }
}

pub fn form(app: &App) -> &ecocase::tui::screens::enterprise::form::FormState {
    match app.screen() {
        Screen::Form(f) => f,
        other => panic!("expected the form, got {other:?}"),
    }
}

pub fn admin() -> SessionInfo {
    session("admin", &[Role::Admin], None)
}

/// Accounts as the users screen receives them: long Chinese names, a disabled and a locked account,
/// an enterprise account bound to a USCC.
pub fn accounts() -> (
    Vec<ecocase::tui::screens::admin::Account>,
    Vec<ecocase::store::account::OrgUnit>,
) {
    use ecocase::tui::screens::admin::Account;
    let account = |username: &str, name: &str, roles: &[Role], unit: Option<&str>| Account {
        username: username.into(),
        display_name: name.into(),
        roles: roles.to_vec(),
        unit_code: unit.map(str::to_string),
        enterprise_uscc: None,
        active: true,
        locked_until: None,
        last_login_at: Some("2026-11-28T01:30:00Z".into()),
    };
    let mut disabled = account("wangfang", "王芳", &[Role::Staff], Some("371502"));
    disabled.active = false;
    let mut locked = account(
        "liqiang.inspector",
        "欧阳李强",
        &[Role::Staff, Role::Inspector],
        Some("371525"),
    );
    locked.locked_until = Some("2026-11-29T02:15:00Z".into());
    let mut firm = account("lvyuan", "绿源化工环保专员", &[Role::Enterprise], None);
    firm.enterprise_uscc = Some("91130200699229617X".into());
    let rows = vec![
        account("admin", "系统管理员", &[Role::Admin], Some("CITY")),
        locked,
        firm,
        disabled,
        account("zhangsan", "张三", &[Role::Supervisor], Some("CITY")),
    ];
    let unit =
        |code: &str, zh: &str, en: &str, region: Option<&str>| ecocase::store::account::OrgUnit {
            code: code.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            region_code: region.map(str::to_string),
        };
    let units = vec![
        unit(
            "CITY",
            "聊城市生态环境局",
            "Liaocheng Ecology and Environment Bureau",
            None,
        ),
        unit(
            "371502",
            "聊城市生态环境局东昌府区分局",
            "Dongchangfu District Branch",
            Some("371502"),
        ),
        unit(
            "371525",
            "聊城市生态环境局冠县分局",
            "Guan County Branch",
            Some("371525"),
        ),
    ];
    (rows, units)
}

/// An audit row as the store returns it.
pub fn audit_row(
    seq: i64,
    action: &str,
    entity: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> ecocase::store::audit::AuditRow {
    ecocase::store::audit::AuditRow {
        seq,
        at: "2026-11-29T02:05:00Z".into(),
        actor: "uid-admin".into(),
        actor_name: "admin".into(),
        action: action.into(),
        entity: entity.into(),
        record_uid: format!("rec-{seq}"),
        before_json: before.map(str::to_string),
        after_json: after.map(str::to_string),
        prev_hash: "0".repeat(64),
        hash: format!("{seq:064x}"),
    }
}
