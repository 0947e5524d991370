//! How each audited table is read for `check`: its entity, the name people know a record by, where
//! the record sits inside its image, and the image fields held elsewhere. A table with a `uid` and no
//! entry here is compared with the defaults (entity = table name, named by its uid).

/// How one table's rows are compared with the images of its entity.
pub(super) struct Spec<'a> {
    pub table: &'a str,
    pub entity: &'a str,
    /// The key of the record's object inside the image (`manifest` in `{"manifest":…,"lines":…}`).
    pub nested: Option<&'static str>,
    /// Actions whose after-image is not the record itself (a sub-record, a lock notice).
    pub partial: &'static [&'static str],
    /// SQL over `t` naming the record for people: a number, a USCC, a user name.
    pub label: &'static str,
    /// Image fields held in other tables or under other names: (image key, SQL over `t` giving JSON).
    pub extra: &'static [(&'static str, &'static str)],
    /// Columns that change without an after-image (login counters, the password hash): neither
    /// compared nor put in a row image.
    pub skip: &'static [&'static str],
}

const LINES: &str = "(SELECT json_group_array(json_object('category', category, 'code', waste_code, \
    'components', components, 'containers', containers, 'form', form, 'harmful', harmful, 'hazard', hazard, \
    'name', waste_name, 'packaging', packaging, 'quantity_kg', quantity_kg, \
    'received_containers', received_containers, 'received_kg', received_kg, 'seq', seq)) \
    FROM (SELECT * FROM manifest_line WHERE manifest_id = t.id ORDER BY seq))";

const ROLES: &str = "(SELECT json_group_array(role) FROM (SELECT role FROM user_role WHERE user_id = t.id ORDER BY role))";

pub(super) const fn spec<'a>(table: &'a str, label: &'static str) -> Spec<'a> {
    Spec {
        table,
        entity: table,
        nested: None,
        partial: &[],
        label,
        extra: &[],
        skip: &[],
    }
}

/// The audited tables. A table with a `uid` column and no entry here is compared by the default
/// (entity = table name, named by its uid); `tests` checks every such table of the schema is listed.
pub(super) const SPECS: &[Spec<'static>] = &[
    Spec {
        // The record type names the last editor by user name, as the register shows it.
        extra: &[(
            "updated_by",
            "json_quote(COALESCE((SELECT u.username FROM user u WHERE u.uid = t.updated_by), t.updated_by))",
        )],
        ..spec("enterprise", "t.uscc")
    },
    Spec {
        extra: &[
            ("roles", ROLES),
            (
                "unit",
                "json_quote((SELECT code FROM org_unit WHERE id = t.unit_id))",
            ),
            (
                "enterprise",
                "json_quote((SELECT uscc FROM enterprise WHERE id = t.enterprise_id))",
            ),
        ],
        partial: &[
            "account_locked",
            "login",
            "login_failed",
            "unlock",
            "password",
        ],
        skip: &[
            "password_hash",
            "failed_logins",
            "locked_until",
            "last_login_at",
            "row_version",
            "updated_at",
            "updated_by",
        ],
        ..spec("user", "t.username")
    },
    Spec {
        extra: &[(
            "user",
            "json_quote((SELECT username FROM user WHERE id = t.user_id))",
        )],
        ..spec("certificate", "t.number")
    },
    spec("assist_request", "t.number"),
    Spec {
        nested: Some("record"),
        ..spec("assist_record", "t.uid")
    },
    Spec {
        partial: &["participant", "problem"],
        ..spec("assist_meeting", "t.topic")
    },
    spec("pl_batch", "t.uid"),
    spec("pl_entry", "t.uid"),
    spec("pl_trigger", "t.uid"),
    spec("hw_licence", "t.number"),
    spec("hw_approval", "t.number"),
    Spec {
        nested: Some("manifest"),
        partial: &["stock_extension"],
        extra: &[("lines", LINES)],
        ..spec("manifest", "t.number")
    },
    spec("inspection", "t.number"),
    spec("insp_finding", "t.id"),
    spec("insp_evidence", "t.id"),
    spec("insp_rectification", "t.doc_number"),
    spec("insp_case", "t.case_number"),
    spec("draw_plan", "t.name"),
    Spec {
        partial: &["publish_results"],
        ..spec("draw", "t.id")
    },
];
