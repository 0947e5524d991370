//! Help texts from the string table, in the chosen language. The clap definitions carry no doc
//! comments; every command and argument gets its text here (a test checks none is left without).

use clap::Command;
use ecocase::i18n::{Lang, T};

/// (subcommand path, argument id or "" for the command itself, text).
const HELP: &[(&[&str], &str, T)] = &[
    (&[], "", T::HelpAbout),
    (&[], "db", T::HelpDb),
    (&[], "lang", T::HelpLang),
    (&[], "ascii", T::HelpAscii),
    (&[], "theme", T::HelpTheme),
    (&["init"], "", T::HelpInit),
    (&["init"], "admin", T::HelpInitAdmin),
    (&["init"], "password_stdin", T::HelpInitPassword),
    (&["demo"], "", T::HelpDemo),
    (&["demo"], "scale", T::HelpScale),
    (&["user"], "", T::HelpUser),
    (&["user", "add"], "", T::HelpUserAdd),
    (&["user", "add"], "name", T::HelpUserName),
    (&["user", "add"], "role", T::HelpRole),
    (&["user", "add"], "unit", T::HelpUnit),
    (&["user", "add"], "enterprise", T::HelpEnterprise),
    (&["user", "add"], "display_name", T::HelpDisplayName),
    (&["user", "add"], "password_stdin", T::HelpNewPassword),
    (&["user", "add"], "actor", T::HelpAs),
    (&["user", "list"], "", T::HelpUserList),
    (&["user", "list"], "actor", T::HelpAs),
    (&["user", "disable"], "", T::HelpUserDisable),
    (&["user", "disable"], "name", T::HelpUserName),
    (&["user", "disable"], "actor", T::HelpAs),
    (&["user", "enable"], "", T::HelpUserEnable),
    (&["user", "enable"], "name", T::HelpUserName),
    (&["user", "enable"], "actor", T::HelpAs),
    (&["user", "unlock"], "", T::HelpUserUnlock),
    (&["user", "unlock"], "name", T::HelpUserName),
    (&["user", "unlock"], "actor", T::HelpAs),
    (&["user", "passwd"], "", T::HelpUserPasswd),
    (&["user", "passwd"], "name", T::HelpUserName),
    (&["user", "passwd"], "password_stdin", T::HelpNewPassword),
    (&["user", "passwd"], "actor", T::HelpAs),
    (&["user", "cert"], "", T::HelpUserCert),
    (&["user", "cert"], "name", T::HelpUserName),
    (&["user", "cert"], "number", T::HelpCertNumber),
    (&["user", "cert"], "kind", T::HelpCertKind),
    (&["user", "cert"], "issuer", T::HelpCertIssuer),
    (&["user", "cert"], "from", T::HelpCertFrom),
    (&["user", "cert"], "to", T::HelpCertTo),
    (&["user", "cert"], "actor", T::HelpAs),
    (&["import"], "", T::HelpImport),
    (&["import", "enterprises"], "", T::HelpImportEnterprises),
    (&["import", "enterprises"], "file", T::HelpImportFile),
    (&["import", "enterprises"], "encoding", T::HelpEncoding),
    (&["import", "enterprises"], "lenient", T::HelpLenient),
    (&["import", "enterprises"], "update", T::HelpUpdate),
    (&["import", "enterprises"], "actor", T::HelpAs),
    (&["import", "calendar"], "", T::HelpImportCalendar),
    (&["import", "calendar"], "file", T::HelpReferenceFile),
    (&["import", "calendar"], "actor", T::HelpAs),
    (&["import", "waste-codes"], "", T::HelpImportWasteCodes),
    (&["import", "waste-codes"], "file", T::HelpReferenceFile),
    (&["import", "waste-codes"], "edition", T::HelpEditionLabel),
    (&["import", "waste-codes"], "effective", T::HelpEffective),
    (&["import", "waste-codes"], "official", T::HelpOfficial),
    (&["import", "waste-codes"], "categories", T::HelpCategories),
    (&["import", "waste-codes"], "actor", T::HelpAs),
    (&["import", "service-menu"], "", T::HelpImportServiceMenu),
    (&["import", "service-menu"], "file", T::HelpReferenceFile),
    (&["import", "service-menu"], "actor", T::HelpAs),
    (
        &["import", "handling-codes"],
        "",
        T::HelpImportHandlingCodes,
    ),
    (&["import", "handling-codes"], "file", T::HelpReferenceFile),
    (&["import", "handling-codes"], "actor", T::HelpAs),
    (&["setting"], "", T::HelpSetting),
    (&["setting", "list"], "", T::HelpSettingList),
    (&["setting", "list"], "actor", T::HelpAs),
    (&["setting", "set"], "", T::HelpSettingSet),
    (&["setting", "set"], "key", T::HelpSettingKey),
    (&["setting", "set"], "value", T::HelpSettingValue),
    (&["setting", "set"], "actor", T::HelpAs),
    (&["export"], "", T::HelpExport),
    (&["export", "enterprises"], "", T::HelpExportEnterprises),
    (&["export", "enterprises"], "output", T::HelpOutput),
    (&["export", "enterprises"], "force", T::HelpForce),
    (&["export", "enterprises"], "format", T::HelpFormat),
    (&["export", "enterprises"], "region", T::HelpRegionFilter),
    (&["export", "enterprises"], "status", T::HelpStatusFilter),
    (&["export", "enterprises"], "actor", T::HelpAs),
    (&["export", "positive-list"], "", T::HelpExportPositiveList),
    (&["export", "positive-list"], "output", T::HelpOutput),
    (&["export", "positive-list"], "force", T::HelpForce),
    (&["export", "positive-list"], "format", T::HelpFormat),
    (&["export", "positive-list"], "region", T::HelpRegionFilter),
    (&["export", "positive-list"], "actor", T::HelpAs),
    (&["export", "summary"], "", T::HelpExportSummary),
    (&["export", "summary"], "period", T::HelpSummaryPeriod),
    (&["export", "summary"], "from", T::HelpSummaryFrom),
    (&["export", "summary"], "to", T::HelpSummaryTo),
    (&["export", "summary"], "region", T::HelpSummaryRegion),
    (&["export", "summary"], "format", T::HelpSummaryFormat),
    (&["export", "summary"], "output", T::HelpOutput),
    (&["export", "summary"], "force", T::HelpForce),
    (&["export", "summary"], "template", T::HelpSummaryTemplate),
    (&["export", "summary"], "actor", T::HelpAs),
    (&["export", "dossier"], "", T::HelpExportDossier),
    (&["export", "dossier"], "uscc", T::HelpDossierUscc),
    (&["export", "dossier"], "format", T::HelpDossierFormat),
    (&["export", "dossier"], "output", T::HelpOutput),
    (&["export", "dossier"], "force", T::HelpForce),
    (&["export", "dossier"], "actor", T::HelpAs),
    (&["backup"], "", T::HelpBackup),
    (&["backup"], "path", T::HelpBackupPath),
    (&["check"], "", T::HelpCheck),
    (&["check"], "quick", T::HelpCheckQuick),
    (&["check"], "digest", T::HelpCheckDigest),
    (&["audit"], "", T::HelpAudit),
    (&["audit", "digest"], "", T::HelpAuditDigest),
    (&["audit", "digest"], "output", T::HelpAuditDigestOut),
    (&["assist"], "", T::HelpAssist),
    (&["assist", "list"], "", T::HelpAssistList),
    (&["assist", "list"], "state", T::HelpAssistState),
    (&["assist", "list"], "region", T::HelpRegionFilter),
    (&["assist", "list"], "overdue", T::HelpAssistOverdue),
    (&["assist", "list"], "format", T::HelpAssistFormat),
    (&["assist", "list"], "actor", T::HelpAs),
    (&["assist", "auto-close"], "", T::HelpAssistAutoClose),
    (&["assist", "auto-close"], "actor", T::HelpAs),
    // 危险废物转移联单 (manifests)
    (&["export", "manifests"], "", T::HelpExportManifests),
    (&["export", "manifests"], "output", T::HelpOutput),
    (&["export", "manifests"], "force", T::HelpForce),
    (&["export", "manifests"], "format", T::HelpFormat),
    (&["export", "manifests"], "from", T::HelpMfFrom),
    (&["export", "manifests"], "to", T::HelpMfTo),
    (&["export", "manifests"], "state", T::HelpMfState),
    (&["export", "manifests"], "actor", T::HelpAs),
    (&["import", "manifests"], "", T::HelpImportManifests),
    (&["import", "manifests"], "file", T::HelpImportManifestFile),
    (&["import", "manifests"], "lenient", T::HelpLenient),
    (&["import", "manifests"], "actor", T::HelpAs),
    // inspections
    (&["draw"], "", T::HelpDraw),
    (&["draw", "list"], "", T::HelpDrawList),
    (&["draw", "list"], "actor", T::HelpAs),
    (&["draw", "verify"], "", T::HelpDrawVerify),
    (&["draw", "verify"], "id", T::HelpDrawId),
    (&["draw", "verify"], "actor", T::HelpDrawVerifyAs),
    (&["draw", "export"], "", T::HelpDrawExport),
    (&["draw", "export"], "id", T::HelpDrawId),
    (&["draw", "export"], "out", T::HelpDrawOut),
    (&["draw", "export"], "force", T::HelpForce),
    (&["draw", "export"], "actor", T::HelpAs),
    // inspections: 一公开 of a draw's results
    (&["draw", "publish"], "", T::HelpDrawPublish),
    (&["draw", "publish"], "id", T::HelpDrawId),
    (&["draw", "publish"], "out", T::HelpDrawOut),
    (&["draw", "publish"], "force", T::HelpForce),
    (&["draw", "publish"], "format", T::HelpFormat),
    (&["draw", "publish"], "actor", T::HelpAs),
];

/// Sets one text; a path or argument that does not exist is left alone (the test below catches it).
fn apply(cmd: Command, path: &[&str], arg: &str, text: &'static str) -> Command {
    match path.split_first() {
        Some((first, rest)) => {
            if cmd.find_subcommand(first).is_none() {
                return cmd;
            }
            cmd.mut_subcommand(*first, |sub| apply(sub, rest, arg, text))
        }
        None if arg.is_empty() => cmd.about(text),
        None if cmd.get_arguments().any(|a| a.get_id() == arg) => {
            cmd.mut_arg(arg, |a| a.help(text))
        }
        None => cmd,
    }
}

/// The command with every help text in `lang`, and the exit codes and password rules after the help.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    for (path, arg, key) in HELP {
        cmd = apply(cmd, path, arg, key.get(lang));
    }
    let after = T::HelpAfter.get(lang);
    cmd.after_help(after)
        .after_long_help(after)
        .mut_subcommand("user", |u| u.after_help(T::HelpPasswords.get(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
        if cmd.get_about().is_none() {
            missing.push(format!("{path} (about)"));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id != "help" && id != "version" && a.get_help().is_none() {
                missing.push(format!("{path} {id}"));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let mut cmd = localize(Cli::command(), lang);
            cmd.build();
            let mut missing = Vec::new();
            walk(&cmd, "ecocase", &mut missing);
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
    }

    #[test]
    fn the_help_table_names_only_real_commands_and_arguments() {
        let cmd = Cli::command();
        for (path, arg, _) in HELP {
            let mut c = &cmd;
            for p in *path {
                c = c
                    .find_subcommand(p)
                    .unwrap_or_else(|| panic!("no subcommand {p}"));
            }
            assert!(
                arg.is_empty() || c.get_arguments().any(|a| a.get_id() == *arg),
                "{path:?} {arg}"
            );
        }
    }

    #[test]
    fn help_is_chinese_by_default_and_lists_exit_codes() {
        let mut cmd = localize(Cli::command(), Lang::Zh);
        let help = cmd.render_long_help().to_string();
        assert!(help.contains("退出状态"), "{help}");
        let mut en = localize(Cli::command(), Lang::En);
        assert!(en.render_long_help().to_string().contains("Exit status"));
    }
}
