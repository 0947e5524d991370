//! Demo data: a complete database with realistic Liaocheng enterprises and one account per role, all with
//! the password `demo`. Built in a temporary file next to the target and renamed when complete, so an
//! interrupted run never leaves a half-made database under the real name.
mod accounts;
mod assistance;
mod assistance_bulk;
mod build;
mod data;
mod inspection;
mod manifest;
mod manifest_stories;
mod positive_list;
mod tables;

use crate::demo::accounts::accounts;
pub use crate::demo::accounts::{DEMO_ACCOUNTS, DemoAccount, describe};
use crate::demo::build::Build;
use crate::demo::data::{DemoEnterprise, Generator};
use crate::domain::account::Actor;
use crate::domain::enterprise::{Enterprise, EnterpriseDraft, validate_draft};
use crate::domain::pinyin::initials;
use crate::domain::time::Instant;
use crate::domain::validate::{FieldIssue, has_errors};
use crate::i18n::{T, Text};
use crate::service::account::setup::{create_database, remove_database_files};
use crate::service::{Clock, Result, ServiceError};
use crate::store::audit::bulk::{BulkChain, OwnedChange};
use crate::store::{audit, bulk, db, enterprise as store, reference};
use chrono::Duration;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Small,
    City,
    Province,
}

impl Scale {
    /// How many enterprises the scale generates.
    pub fn enterprises(self) -> u64 {
        match self {
            Scale::Small => 300,
            Scale::City => 20_000,
            Scale::Province => 200_000,
        }
    }

    /// Each scale has its own fixed seed, so its data is the same on every run of the same day.
    fn seed(self) -> u64 {
        match self {
            Scale::Small => 0x5EED_0001,
            Scale::City => 0x5EED_0002,
            Scale::Province => 0x5EED_0003,
        }
    }
}

/// What the generator made, printed by `ecocase demo` and shown by the TUI's first-run screen.
#[derive(Clone, Debug, Default)]
pub struct DemoSummary {
    pub enterprises: u64,
    /// (username, what the account is for) of each demo account; all have the password `demo`.
    pub accounts: Vec<(String, Text)>,
}

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo";

/// An enterprise made by hand, so the enterprise accounts have a known, fitting company.
pub(in crate::demo) struct Fixed {
    uscc_area: &'static str,
    pub(in crate::demo) name: &'static str,
    region: &'static str,
    industry: &'static str,
    permit_class: &'static str,
    key_flags: &'static str,
    hw_class: &'static str,
    credit: &'static str,
    perf_grade: &'static str,
    address: &'static str,
}

/// The waste generator bound to the `enterprise` account, and the licensed receiver bound to `receiver`.
pub(in crate::demo) const FIXED: [Fixed; 2] = [
    Fixed {
        uscc_area: "371502",
        name: "聊城市鑫润化工有限公司",
        region: "371502",
        industry: "2614",
        permit_class: "key",
        key_flags: "water,air,risk",
        hw_class: "key",
        credit: "blue",
        perf_grade: "B",
        address: "山东省聊城市东昌府区道口铺街道工业路88号",
    },
    Fixed {
        uscc_area: "371500",
        name: "聊城市绿洲环保科技有限公司",
        region: "3715A1",
        industry: "7724",
        permit_class: "key",
        key_flags: "risk",
        hw_class: "key",
        credit: "green",
        perf_grade: "A",
        address: "山东省聊城经济技术开发区蒋官屯街道创业路16号",
    },
];

pub fn generate(path: &Path, scale: Scale, clock: &Clock) -> Result<DemoSummary> {
    generate_with_progress(path, scale, clock, &mut |_, _| {})
}

/// Like [`generate`], calling `progress(done, total)` about ten times during a large run.
pub fn generate_with_progress(
    path: &Path,
    scale: Scale,
    clock: &Clock,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary> {
    if path.exists() {
        return Err(ServiceError::Refused(
            Text::new(T::ErrDatabaseExists).arg("path", path.display()),
        ));
    }
    remove_stale_temps(path);
    let temp = temp_path(path);
    remove_database_files(&temp);
    let built = build(&temp, scale, clock, progress).and_then(|summary| {
        if path.exists() {
            return Err(ServiceError::Refused(
                Text::new(T::ErrDatabaseExists).arg("path", path.display()),
            ));
        }
        std::fs::rename(&temp, path).map_err(|e| ServiceError::from(db::StoreError::Io(e)))?;
        Ok(summary)
    });
    if built.is_err() {
        remove_database_files(&temp);
    }
    built
}

/// Removes the temporary files of earlier runs for the same target that were killed before they could
/// clean up: those whose process is gone (on systems without /proc, those older than a day).
fn remove_stale_temps(path: &Path) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.demo-");
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !running(pid, &entry) {
            remove_database_files(&entry.path());
        }
    }
}

/// Whether the run that owns a temporary file may still be going.
fn running(pid: u32, entry: &std::fs::DirEntry) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        // A killed process not yet reaped is a zombie ("Z" after its name): gone as well.
        return std::fs::read_to_string(proc.join(pid.to_string()).join("stat")).is_ok_and(
            |stat| {
                !stat
                    .rsplit(')')
                    .next()
                    .is_some_and(|rest| rest.trim_start().starts_with('Z'))
            },
        );
    }
    let day = std::time::Duration::from_secs(24 * 3600);
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < day)
}

/// `.name.demo-<pid>.tmp` in the target's directory.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.demo-{}.tmp", std::process::id()))
}

fn build(
    path: &Path,
    scale: Scale,
    clock: &Clock,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary> {
    let mut s = create_database(path, clock)?;
    let today = s.today();
    let at = Instant::new(s.now());
    let now = at.to_string();
    let actor = s.actor().clone();
    let regions: Vec<String> = s
        .regions()?
        .into_iter()
        .filter(|r| r.kind != "city")
        .map(|r| r.code)
        .collect();
    bulk::begin_build(&s.conn)?;
    let mut g = Generator::new(scale.seed(), today);
    let total = scale.enterprises();
    let mut fixed_uscc = Vec::new();
    {
        let tx = db::begin_immediate(&s.conn)?;
        let indexes = bulk::defer_indexes(&tx, &["enterprise", "enterprise_former_name"])?;
        let search = bulk::defer_search(&tx)?;
        // The chain's head stays in memory for the whole load and is stored once before the commit.
        let mut chain = BulkChain::start(&tx)?;
        let mut write = |mut e: DemoEnterprise| -> Result<()> {
            let issues = validate_draft(&mut e.draft, |c| regions.iter().any(|r| r == c), today);
            if has_errors(&issues) {
                return Err(ServiceError::Invalid(issues));
            }
            insert(&tx, &mut chain, &actor, (&now, at), &e, &issues)
        };
        for f in &FIXED {
            let uscc = g.uscc(f.uscc_area);
            g.reserve(f.name, &uscc);
            fixed_uscc.push(uscc.clone());
            let mut e = g.enterprise();
            e.former_names.clear();
            e.draft = EnterpriseDraft {
                permit_no: format!("{uscc}001P"),
                permit_expiry: (today + Duration::days(3 * 365))
                    .format("%Y-%m-%d")
                    .to_string(),
                uscc,
                uscc_reason: String::new(),
                name: f.name.to_string(),
                region_code: f.region.to_string(),
                industry_code: f.industry.to_string(),
                permit_class: f.permit_class.to_string(),
                key_flags: f.key_flags.to_string(),
                hw_class: f.hw_class.to_string(),
                credit: f.credit.to_string(),
                perf_grade: f.perf_grade.to_string(),
                status: "operating".to_string(),
                address: f.address.to_string(),
                ..e.draft
            };
            write(e)?;
        }
        // Progress about ten times a run, and not at all for the small scale.
        let step = (total / 10).max(1000);
        for done in FIXED.len() as u64..total {
            write(g.enterprise())?;
            if done > 0 && done % step == 0 {
                progress(done, total);
            }
        }
        chain.finish(&tx)?;
        bulk::recreate_indexes(&tx, &indexes)?;
        bulk::fill_search(&tx, &search)?;
        let cal = reference::calendar(&tx)?;
        crate::demo::positive_list::write(&tx, &actor, (&now, at), today, &cal, FIXED.len())?;
        reference::set_setting(&tx, "demo", "1", &actor.uid, &now)?;
        let after = serde_json::json!({ "key": "demo", "value": "1" });
        audit::append(
            &tx,
            &actor,
            &now,
            audit::Change {
                action: "update",
                entity: "setting",
                record_uid: "demo",
                before: None,
                after: Some(&after),
            },
        )?;
        tx.commit()?;
    }
    progress(total, total);
    let summary = accounts(&mut s, &fixed_uscc)?;
    let fixed_ids = fixed_uscc
        .iter()
        .map(|u| Ok(store::get_by_uscc(&s.conn, u)?.map(|e| e.id)))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    let guan = s
        .enterprises()
        .list(
            &store::Filter {
                region: Some("371525".to_string()),
                status: Some("operating".to_string()),
                ..store::Filter::default()
            },
            None,
            1,
        )?
        .first()
        .map(|e| e.id);
    // A year of closed requests across the regions first, then the stories of the last weeks.
    let spread: Vec<i64> = s
        .enterprises()
        .list(
            &store::Filter {
                status: Some("operating".to_string()),
                ..store::Filter::default()
            },
            None,
            40,
        )?
        .iter()
        .map(|e| e.id)
        .collect();
    let mut b = Build::new(s);
    // 帮扶 at the stated sizes (about 30k requests at city scale); the small demo keeps its stories.
    let requests = if scale == Scale::Small {
        0
    } else {
        total * 3 / 2
    };
    crate::demo::assistance_bulk::bulk_requests(&mut b, requests, scale.seed(), &fixed_ids)?;
    crate::demo::assistance::history(&mut b, fixed_ids.first().copied(), &spread)?;
    crate::demo::assistance::requests(&mut b, &fixed_ids, guan)?;
    // 圆桌座谈 (assistance round-tables)
    crate::demo::assistance::meetings(&mut b, guan)?;
    // 危险废物转移联单 (manifests): ten per enterprise.
    let names: Vec<&str> = FIXED.iter().map(|f| f.name).collect();
    crate::demo::manifest::manifests(&mut b, total * 10, scale.seed(), &fixed_uscc, &names)?;
    // inspections: a year of them (2.5 per enterprise), the accounts' stories and two draws
    crate::demo::inspection::inspections(&mut b, total * 5 / 2, scale.seed(), &fixed_ids)?;
    bulk::end_build(&b.into_session().conn)?;
    Ok(DemoSummary {
        enterprises: total,
        ..summary
    })
}

/// Inserts one generated enterprise with its former names and its audit entry.
fn insert(
    tx: &rusqlite::Transaction<'_>,
    chain: &mut BulkChain,
    actor: &Actor,
    (now, at): (&str, Instant),
    e: &DemoEnterprise,
    warnings: &[FieldIssue],
) -> Result<()> {
    let d = &e.draft;
    let uid = db::new_uid();
    let id = store::insert(tx, &uid, d, &initials(&d.name), &actor.uid, now)?;
    let ack: Vec<&str> = warnings.iter().map(|i| i.code).collect();
    if !ack.is_empty() {
        crate::store::enterprise::set_warnings_ack(tx, id, &ack.join(","))?;
    }
    for (name, valid_to) in &e.former_names {
        store::add_former_name(tx, id, name, valid_to, &actor.uid, now)?;
    }
    // The record as stored, built here rather than read back: this runs hundreds of thousands of times.
    let record = Enterprise {
        id,
        uid: uid.clone(),
        uscc: d.uscc.clone(),
        uscc_nonstandard_reason: (!d.uscc_reason.is_empty()).then(|| d.uscc_reason.clone()),
        name: d.name.clone(),
        legal_rep: d.legal_rep.clone(),
        contact: d.contact.clone(),
        phone: d.phone.clone(),
        address: d.address.clone(),
        region_code: d.region_code.clone(),
        industry_code: d.industry_code.clone(),
        permit_no: d.permit_no.clone(),
        permit_class: d.permit_class.clone(),
        permit_expiry: crate::domain::time::parse_blank_day(&d.permit_expiry)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?,
        key_flags: d.key_flags.clone(),
        hw_class: d.hw_class.clone(),
        credit: d.credit.clone(),
        perf_grade: d.perf_grade.clone(),
        list_status: "none".to_string(),
        status: d.status.clone(),
        row_version: 1,
        created_at: at,
        updated_at: at,
        updated_by: actor.username.clone(),
    };
    let mut after = serde_json::to_value(&record).unwrap_or_default();
    if !e.former_names.is_empty() {
        after["former_names"] = serde_json::json!(e.former_names);
    }
    chain.append(
        tx,
        actor,
        now,
        OwnedChange {
            action: "create",
            entity: "enterprise",
            record_uid: uid.clone(),
            before: None,
            after: Some(after),
        },
    )?;
    Ok(())
}
