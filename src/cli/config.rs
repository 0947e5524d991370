//! Where settings come from: command-line flag > environment > user config file > system config file >
//! default. Config files are TOML (`db = "…"`, `lang = "en"`; docs/operations.md): `/etc/ecocase.conf`, then
//! `~/.config/ecocase/config` (or the file named by `ECOCASE_CONFIG`).

use ecocase::i18n::{Lang, T, Text};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use toml::de::DeTable;

pub const SYSTEM_CONFIG: &str = "/etc/ecocase.conf";

/// The environment variables the program reads, captured once (and replaceable in tests).
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub db: Option<PathBuf>,
    pub lang: Option<String>,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`, the first one set.
    pub locale: Option<String>,
    pub config: Option<PathBuf>,
    pub password: Option<String>,
    pub no_color: bool,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Env {
    pub fn from_process() -> Env {
        Env {
            db: std::env::var_os("ECOCASE_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            lang: var("ECOCASE_LANG"),
            locale: var("LC_ALL")
                .or_else(|| var("LC_MESSAGES"))
                .or_else(|| var("LANG")),
            config: std::env::var_os("ECOCASE_CONFIG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            password: std::env::var("ECOCASE_PASSWORD").ok(),
            no_color: var("NO_COLOR").is_some(),
        }
    }
}

/// Settings read from one config file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub db: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// `digest_dir`: where audit chain digests are appended (docs/operations.md).
    pub digest_dir: Option<PathBuf>,
}

/// The system and user config files, and what was wrong in them (shown, never fatal).
#[derive(Clone, Debug, Default)]
pub struct Files {
    pub system: FileSettings,
    pub user: FileSettings,
    pub warnings: Vec<Text>,
}

pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("cn.gov.liaocheng", "sthjj", "ecocase")
}

fn user_config_path(env: &Env) -> Option<PathBuf> {
    env.config
        .clone()
        .or_else(|| project_dirs().map(|d| d.config_dir().join("config")))
}

pub fn load_files(env: &Env) -> Files {
    let mut files = Files::default();
    files.system = read_file(Path::new(SYSTEM_CONFIG), &mut files.warnings);
    if let Some(p) = user_config_path(env) {
        files.user = read_file(&p, &mut files.warnings);
    }
    files
}

fn read_file(path: &Path, warnings: &mut Vec<Text>) -> FileSettings {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path, warnings),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileSettings::default(),
        Err(e) => {
            warnings.push(
                Text::new(T::CliConfigUnreadable)
                    .arg("path", path.display())
                    .arg("detail", e),
            );
            FileSettings::default()
        }
    }
}

/// Reads a TOML file. A relative `db` path is taken relative to the config file's directory. A file that is
/// not valid TOML is read line by line instead, so that one bad line costs only itself and the unquoted values
/// of the older format (`db = /srv/e.db`) keep working.
pub fn parse(text: &str, path: &Path, warnings: &mut Vec<Text>) -> FileSettings {
    let mut s = FileSettings::default();
    let error = match DeTable::parse(text) {
        Ok(table) => {
            apply_table(&mut s, table.get_ref(), text, 0, path, warnings);
            return s;
        }
        Err(e) => e,
    };
    let mut explained = false;
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line = raw.trim();
        let start = offset;
        offset += raw.len();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |key: T| {
            Text::new(key)
                .arg("path", path.display())
                .arg("line", i + 1)
                .arg("text", line)
        };
        match DeTable::parse(raw) {
            Ok(table) => apply_table(&mut s, table.get_ref(), text, start, path, warnings),
            Err(e) => {
                explained = true;
                match legacy(line) {
                    Some((key, value)) => {
                        apply(&mut s, key, Some(value), path, || bad(T::CliConfigBadLine))
                            .unwrap_or_else(|w| warnings.push(w))
                    }
                    None => warnings.push(bad(T::CliConfigInvalid).arg("detail", e.message())),
                }
            }
        }
    }
    // Every line is TOML on its own but not together (a key given twice): name where the file breaks.
    if !explained {
        let at = error.span().map_or(0, |r| r.start);
        let (n, line) = line_at(text, at);
        warnings.push(
            Text::new(T::CliConfigInvalid)
                .arg("path", path.display())
                .arg("line", n)
                .arg("text", line)
                .arg("detail", error.message()),
        );
    }
    s
}

/// Applies the keys of `table`, which was parsed from `text[base..]`, in the order they appear in the file.
fn apply_table(
    s: &mut FileSettings,
    table: &DeTable<'_>,
    text: &str,
    base: usize,
    path: &Path,
    warnings: &mut Vec<Text>,
) {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        let (n, line) = line_at(text, base + key.span().start);
        let bad = || {
            Text::new(T::CliConfigBadLine)
                .arg("path", path.display())
                .arg("line", n)
                .arg("text", line)
        };
        if let Err(w) = apply(s, key.get_ref(), value.get_ref().as_str(), path, bad) {
            warnings.push(w);
        }
    }
}

/// Sets one key; an unknown key, a value that is not a string or a value out of range is `bad()`.
fn apply(
    s: &mut FileSettings,
    key: &str,
    value: Option<&str>,
    path: &Path,
    bad: impl FnOnce() -> Text,
) -> Result<(), Text> {
    match (key, value) {
        ("db", Some(value)) if !value.is_empty() => {
            let p = PathBuf::from(value);
            s.db = Some(if p.is_relative() {
                path.parent().map_or(p.clone(), |dir| dir.join(&p))
            } else {
                p
            });
        }
        ("lang", Some(value)) => s.lang = Some(Lang::parse(value).ok_or_else(bad)?),
        ("digest_dir", Some(value)) if !value.is_empty() => {
            let p = PathBuf::from(value);
            s.digest_dir = Some(if p.is_relative() {
                path.parent().map_or(p.clone(), |dir| dir.join(&p))
            } else {
                p
            });
        }
        _ => return Err(bad()),
    }
    Ok(())
}

/// A line of the older format, `key = value` with the value unquoted and `#` starting a comment.
fn legacy(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split('#').next()?.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    let bare_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let quoted = value.starts_with(['"', '\'', '[', '{']);
    (bare_key && !value.is_empty() && !quoted).then_some((key, value))
}

/// The 1-based number and the trimmed text of the line holding byte `at`.
fn line_at(text: &str, at: usize) -> (usize, &str) {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (
        text[..at].matches('\n').count() + 1,
        text[start..end].trim(),
    )
}

/// The language from `--lang` in the raw arguments (before clap has parsed them, so that the help text
/// itself can be in that language), else from the environment and files.
pub fn early_lang(args: &[OsString], env: &Env, files: &Files) -> Lang {
    let mut flag = None;
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--lang" {
            flag = it.next().and_then(Lang::parse);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = Lang::parse(v);
        }
    }
    resolve_lang(flag, env, files)
}

/// `--lang` > `ECOCASE_LANG` > user config > system config > the locale (`LANG`) > Chinese.
pub fn resolve_lang(flag: Option<Lang>, env: &Env, files: &Files) -> Lang {
    flag.or_else(|| env.lang.as_deref().and_then(Lang::parse))
        .or(files.user.lang)
        .or(files.system.lang)
        .or_else(|| env.locale.as_deref().and_then(Lang::parse))
        .unwrap_or_default()
}

/// The digest directory: the system config's wins, so a user's own file cannot move it away.
pub fn resolve_digest_dir(files: &Files) -> Option<PathBuf> {
    files
        .system
        .digest_dir
        .clone()
        .or_else(|| files.user.digest_dir.clone())
}

/// `--db` > `ECOCASE_DB` > user config > system config > `ecocase.db` in the per-user data directory.
pub fn resolve_db(flag: Option<PathBuf>, env: &Env, files: &Files) -> Option<PathBuf> {
    flag.or_else(|| env.db.clone())
        .or_else(|| files.user.db.clone())
        .or_else(|| files.system.db.clone())
        .or_else(|| project_dirs().map(|d| d.data_dir().join("ecocase.db")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(system: &str, user: &str) -> Files {
        let mut warnings = Vec::new();
        Files {
            system: parse(system, Path::new("/etc/ecocase.conf"), &mut warnings),
            user: parse(
                user,
                Path::new("/home/u/.config/ecocase/config"),
                &mut warnings,
            ),
            warnings,
        }
    }

    #[test]
    fn flag_beats_env_beats_user_beats_system() {
        let f = files("db = /srv/sys.db\nlang = en\n", "db = /srv/user.db\n");
        let env = Env {
            db: Some("/srv/env.db".into()),
            ..Default::default()
        };
        assert_eq!(
            resolve_db(Some("/srv/flag.db".into()), &env, &f),
            Some(PathBuf::from("/srv/flag.db"))
        );
        assert_eq!(
            resolve_db(None, &env, &f),
            Some(PathBuf::from("/srv/env.db"))
        );
        assert_eq!(
            resolve_db(None, &Env::default(), &f),
            Some(PathBuf::from("/srv/user.db"))
        );
        let only_system = files("db = /srv/sys.db\n", "");
        assert_eq!(
            resolve_db(None, &Env::default(), &only_system),
            Some(PathBuf::from("/srv/sys.db"))
        );
    }

    #[test]
    fn language_precedence_and_locale_fallback() {
        let f = files("lang = en\n", "");
        assert_eq!(resolve_lang(None, &Env::default(), &f), Lang::En);
        assert_eq!(resolve_lang(Some(Lang::Zh), &Env::default(), &f), Lang::Zh);
        let env = Env {
            lang: Some("zh".into()),
            ..Default::default()
        };
        assert_eq!(resolve_lang(None, &env, &f), Lang::Zh);
        let locale = Env {
            locale: Some("en_US.UTF-8".into()),
            ..Default::default()
        };
        assert_eq!(resolve_lang(None, &locale, &files("", "")), Lang::En);
        let c = Env {
            locale: Some("C".into()),
            ..Default::default()
        };
        assert_eq!(resolve_lang(None, &c, &files("", "")), Lang::Zh);
    }

    #[test]
    fn early_lang_reads_the_raw_flag() {
        let args: Vec<OsString> = ["ecocase", "--lang", "en", "--help"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(early_lang(&args, &Env::default(), &files("", "")), Lang::En);
        let eq: Vec<OsString> = ["ecocase", "check", "--lang=en"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(early_lang(&eq, &Env::default(), &files("", "")), Lang::En);
    }

    #[test]
    fn bad_lines_are_warnings_and_relative_paths_follow_the_file() {
        let mut warnings = Vec::new();
        let s = parse(
            "# comment\ndb = data/e.db\ncolour = blue\nnonsense\nlang = fr\n",
            Path::new("/etc/ecocase.conf"),
            &mut warnings,
        );
        assert_eq!(s.db, Some(PathBuf::from("/etc/data/e.db")));
        assert_eq!(s.lang, None);
        assert_eq!(warnings.len(), 3);
        assert!(warnings[0].render(Lang::Zh).contains("第 3 行"));
    }

    #[test]
    fn quoted_values_are_toml_strings_and_may_hold_a_hash() {
        let mut warnings = Vec::new();
        let s = parse(
            "# bureau\ndb = \"/srv/eco#2/e.db\" # the shared disk\nlang = 'en'\n",
            Path::new("/etc/ecocase.conf"),
            &mut warnings,
        );
        assert_eq!(s.db, Some(PathBuf::from("/srv/eco#2/e.db")));
        assert_eq!(s.lang, Some(Lang::En));
        assert!(warnings.is_empty());
    }

    #[test]
    fn unknown_keys_of_a_valid_file_are_named_by_line() {
        let mut warnings = Vec::new();
        let s = parse(
            "lang = \"en\"\ncolour = \"blue\"\n\n[server]\nport = 1\n",
            Path::new("/etc/ecocase.conf"),
            &mut warnings,
        );
        assert_eq!(s.lang, Some(Lang::En));
        let lines: Vec<String> = warnings.iter().map(|w| w.render(Lang::En)).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains("line 2 not understood, ignored: colour = \"blue\""));
        assert!(lines[1].contains("line 4"));
    }

    #[test]
    fn an_invalid_line_is_named_in_both_languages() {
        let mut warnings = Vec::new();
        let s = parse(
            "lang = \"en\"\ndb = \"/srv/unclosed.db\n",
            Path::new("/etc/ecocase.conf"),
            &mut warnings,
        );
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!(s.db, None);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .render(Lang::Zh)
                .contains("第 2 行不是有效的 TOML")
        );
        assert!(
            warnings[0]
                .render(Lang::En)
                .contains("line 2 is not valid TOML")
        );
        let mut twice = Vec::new();
        parse(
            "lang = \"en\"\nlang = \"zh\"\n",
            Path::new("/c"),
            &mut twice,
        );
        assert_eq!(twice.len(), 1);
        assert!(
            twice[0].render(Lang::En).contains("line 2"),
            "{}",
            twice[0].render(Lang::En)
        );
    }
}
