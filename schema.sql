-- ecocase schema: the current shape (version 2), for reading. Databases are built and upgraded by the
-- migrations in src/store/migrations/ (listed in MIGRATIONS in src/store/db.rs); a test checks that
-- running them all gives exactly the tables, indexes and triggers below. Change the schema by adding a
-- migration, then update this file to match.
-- Conventions: every business table has `id` (local integer key), `uid` (UUIDv7, stable across sites),
-- `row_version` (optimistic concurrency), created_/updated_ (UTC RFC 3339, actor user uid) and soft deletion
-- (`deleted_at`, `deleted_by`, `delete_reason`). Quantities are integers, never REAL.

-- Reference: county-level units and functional zones of Liaocheng (GB/T 2260 + internal zone codes).
CREATE TABLE region (
    code        TEXT PRIMARY KEY,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('city', 'county', 'zone')),
    note        TEXT NOT NULL DEFAULT ''
);

-- Organisation units: the city bureau and one branch (分局) per county/zone.
-- region_code NULL means city level: its staff see all regions.
CREATE TABLE org_unit (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    region_code TEXT REFERENCES region(code)
);

-- Working-day calendar: only exceptions are stored (holidays on weekdays, make-up workdays on weekends).
CREATE TABLE calendar_day (
    day         TEXT PRIMARY KEY,            -- YYYY-MM-DD
    kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name        TEXT NOT NULL DEFAULT ''
);
-- Years the calendar covers (imported as a whole); deadlines outside them carry a warning.
CREATE TABLE calendar_year (
    year        INTEGER PRIMARY KEY,
    source      TEXT NOT NULL DEFAULT ''
);

-- Policy numbers an administrator can change; every rule reads them from here.
CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT
);

-- 危险废物名录 editions; codes and categories belong to one edition.
CREATE TABLE waste_edition (
    id             INTEGER PRIMARY KEY,
    label          TEXT NOT NULL UNIQUE,
    effective_from TEXT NOT NULL,             -- YYYY-MM-DD
    official       INTEGER NOT NULL DEFAULT 0 CHECK (official IN (0, 1)),
    imported_at    TEXT NOT NULL
);
CREATE TABLE waste_category (
    edition_id  INTEGER NOT NULL REFERENCES waste_edition(id),
    category    TEXT NOT NULL,                -- HW01..HW50
    name_zh     TEXT NOT NULL,
    PRIMARY KEY (edition_id, category)
);
CREATE TABLE waste_code (
    edition_id  INTEGER NOT NULL REFERENCES waste_edition(id),
    code        TEXT NOT NULL,                -- ddd-ddd-dd
    category    TEXT NOT NULL,
    description_zh TEXT NOT NULL,
    hazard      TEXT NOT NULL,                -- normalised, comma separated subset of T,C,I,R,In
    PRIMARY KEY (edition_id, code),
    FOREIGN KEY (edition_id, category) REFERENCES waste_category(edition_id, category)
);

-- 点单式帮扶 service menu (bureaus edit it).
CREATE TABLE service_menu (
    code        TEXT PRIMARY KEY,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort        INTEGER NOT NULL DEFAULT 0
);

-- Enterprise register: the join point of every module.
CREATE TABLE enterprise (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    uscc            TEXT NOT NULL,
    uscc_nonstandard_reason TEXT,            -- set when a pre-standard code failing the checksum was accepted
    name            TEXT NOT NULL,
    legal_rep       TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    region_code     TEXT NOT NULL REFERENCES region(code),
    industry_code   TEXT NOT NULL DEFAULT '',  -- GB/T 4754-2017, 4 digits
    permit_no       TEXT NOT NULL DEFAULT '',  -- USCC + 3 digits + letter
    permit_class    TEXT NOT NULL DEFAULT '' CHECK (permit_class IN ('', 'key', 'simplified', 'registration')),
    permit_expiry   TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
    key_flags       TEXT NOT NULL DEFAULT '',  -- comma separated: water,air,groundwater,noise,soil,risk
    hw_class        TEXT NOT NULL DEFAULT '' CHECK (hw_class IN ('', 'key', 'simplified', 'registration')),
    credit          TEXT NOT NULL DEFAULT '' CHECK (credit IN ('', 'green', 'blue', 'yellow', 'black')),
    perf_grade      TEXT NOT NULL DEFAULT '' CHECK (perf_grade IN ('', 'A', 'B', 'B-', 'C', 'D', 'leading')),
    list_status     TEXT NOT NULL DEFAULT 'none',  -- derived from the positive-list module; 'none' until listed
    status          TEXT NOT NULL DEFAULT 'operating' CHECK (status IN ('operating', 'suspended', 'closed')),
    warnings_ack    TEXT NOT NULL DEFAULT '',  -- warnings acknowledged at the last save (codes, comma separated)
    pinyin_initials TEXT NOT NULL DEFAULT '',  -- 拼音首字母 of the name, for search
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT,
    delete_reason   TEXT
);
-- The USCC is unique among live records; a soft-deleted record does not block re-registration.
CREATE UNIQUE INDEX enterprise_uscc_live ON enterprise(uscc) WHERE deleted_at IS NULL;
-- Keyset paging: (region, name, id) and (name, id) orders (migration 1).
CREATE INDEX enterprise_name_page ON enterprise(name, id) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_page ON enterprise(region_code, name, id) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_status ON enterprise(status, region_code) WHERE deleted_at IS NULL;
-- Keyset paging for every order the enterprise list offers, with and without a fixed region (branch
-- accounts and the region filter): (status, name, id) and the per-region forms of USCC and status order.
CREATE INDEX enterprise_region_uscc_page ON enterprise(region_code, uscc, id) WHERE deleted_at IS NULL;
-- Status by meaning (在营, 停产, 注销): redefined in migration 5.
CREATE INDEX enterprise_status_page ON enterprise((CASE status WHEN 'operating' THEN 0 WHEN 'suspended' THEN 1 ELSE 2 END), name, id) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_status_page ON enterprise(region_code, (CASE status WHEN 'operating' THEN 0 WHEN 'suspended' THEN 1 ELSE 2 END), name, id) WHERE deleted_at IS NULL;

CREATE TABLE enterprise_former_name (
    id              INTEGER PRIMARY KEY,
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    name            TEXT NOT NULL,
    valid_to        TEXT NOT NULL,             -- YYYY-MM-DD: the day the name stopped being used
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL
);
CREATE INDEX enterprise_former_name_ent ON enterprise_former_name(enterprise_id);

-- Chinese search: trigram FTS over name, former names, USCC, address; kept in step by triggers.
CREATE VIRTUAL TABLE enterprise_fts USING fts5(
    name, former_names, uscc, address, pinyin_initials,
    content='', contentless_delete=1, tokenize='trigram'
);
CREATE TRIGGER enterprise_fts_ai AFTER INSERT ON enterprise WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO enterprise_fts(rowid, name, former_names, uscc, address, pinyin_initials)
    VALUES (new.id, new.name, '', new.uscc, new.address, new.pinyin_initials);
END;
CREATE TRIGGER enterprise_fts_au AFTER UPDATE ON enterprise BEGIN
    DELETE FROM enterprise_fts WHERE rowid = old.id;
    INSERT INTO enterprise_fts(rowid, name, former_names, uscc, address, pinyin_initials)
    SELECT new.id, new.name,
           COALESCE((SELECT group_concat(name, ' ') FROM enterprise_former_name WHERE enterprise_id = new.id), ''),
           new.uscc, new.address, new.pinyin_initials
    WHERE new.deleted_at IS NULL;
END;

-- Accounts. A person may hold several bureau roles; enterprise accounts hold only 'enterprise'.
CREATE TABLE user (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,            -- argon2id PHC string
    unit_id         INTEGER REFERENCES org_unit(id),
    enterprise_id   INTEGER REFERENCES enterprise(id),
    auxiliary       INTEGER NOT NULL DEFAULT 0 CHECK (auxiliary IN (0, 1)), -- 网格员/辅助人员: never an officer
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    last_login_at   TEXT,
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE TABLE user_role (
    user_id         INTEGER NOT NULL REFERENCES user(id),
    role            TEXT NOT NULL CHECK (role IN ('enterprise', 'staff', 'inspector', 'supervisor', 'admin')),
    PRIMARY KEY (user_id, role)
);
-- 执法证: only staff with a certificate valid on the date may act as inspection officers.
CREATE TABLE certificate (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    user_id         INTEGER NOT NULL REFERENCES user(id),
    kind            TEXT NOT NULL,
    number          TEXT NOT NULL,
    issuer          TEXT NOT NULL,
    valid_from      TEXT NOT NULL,
    valid_to        TEXT NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT,
    delete_reason   TEXT
);
CREATE UNIQUE INDEX certificate_number_live ON certificate(number) WHERE deleted_at IS NULL;

-- Form drafts autosaved per user and form, so a dropped SSH session loses at most seconds of typing.
CREATE TABLE draft (
    user_id         INTEGER NOT NULL REFERENCES user(id),
    form            TEXT NOT NULL,            -- e.g. 'enterprise:new' or 'enterprise:<uid>'
    payload         TEXT NOT NULL,            -- JSON of the form fields
    saved_at        TEXT NOT NULL,
    PRIMARY KEY (user_id, form)
);

-- Append-only audit log, hash-chained: hash = sha256(prev_hash || canonical row).
CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,            -- user uid, or 'system'
    actor_name      TEXT NOT NULL,
    action          TEXT NOT NULL,            -- create/update/delete/transition/login/...
    entity          TEXT NOT NULL,            -- table name
    record_uid      TEXT NOT NULL,
    before_json     TEXT,
    after_json      TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(entity, record_uid, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
-- The head of the audit chain, updated with every append, so a deleted tail row is detected too.
CREATE TABLE audit_head (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    seq             INTEGER NOT NULL,
    hash            TEXT NOT NULL
);

-- 点单式帮扶 (migration 3)
-- back filing leaves a gap, which is allowed.
CREATE TABLE assist_counter (
    region_code     TEXT NOT NULL REFERENCES region(code),
    year            INTEGER NOT NULL,
    next_seq        INTEGER NOT NULL,
    PRIMARY KEY (region_code, year)
);
CREATE TABLE assist_request (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    number          TEXT NOT NULL UNIQUE,     -- BF-<region>-<YYYY>-<nnnnn>
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    region_code     TEXT NOT NULL REFERENCES region(code),  -- the enterprise's region when filed
    channel         TEXT NOT NULL CHECK (channel IN ('self', 'phone', 'window', 'roundtable', 'branch', 'visit')),
    urgency         TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'critical')),
    wished_date     TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD, or empty
    description     TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'accepted', 'in_progress', 'suspended', 'awaiting_rating', 'closed')),
    handler_id      INTEGER REFERENCES user(id),
    result          TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'solved', 'partly', 'unsolved', 'transferred')),
    closing_opinion TEXT NOT NULL DEFAULT '',
    close_kind      TEXT NOT NULL DEFAULT '' CHECK (close_kind IN ('', 'rated', 'unrated', 'refused', 'forwarded', 'withdrawn')),
    close_reason    TEXT NOT NULL DEFAULT '',
    rating          TEXT NOT NULL DEFAULT '' CHECK (rating IN ('', 'very_satisfied', 'satisfied', 'fair', 'dissatisfied', 'very_dissatisfied', 'unrated')),
    reopen_count    INTEGER NOT NULL DEFAULT 0,
    submitted_at    TEXT,
    accepted_at     TEXT,
    assigned_at     TEXT,
    clock_started_at TEXT,                    -- the completion clock: 受理, or the latest reopen
    completed_at    TEXT,
    closed_at       TEXT,
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT,
    delete_reason   TEXT
);
CREATE INDEX assist_request_state ON assist_request(region_code, state, id) WHERE deleted_at IS NULL;
CREATE INDEX assist_request_enterprise ON assist_request(enterprise_id, id) WHERE deleted_at IS NULL;
-- The services chosen from the menu (one or more).
CREATE TABLE assist_request_service (
    request_id      INTEGER NOT NULL REFERENCES assist_request(id),
    service_code    TEXT NOT NULL REFERENCES service_menu(code),
    PRIMARY KEY (request_id, service_code)
);
CREATE TABLE assist_cohandler (
    request_id      INTEGER NOT NULL REFERENCES assist_request(id),
    user_id         INTEGER NOT NULL REFERENCES user(id),
    PRIMARY KEY (request_id, user_id)
);
-- Every transition, for the timeline and the response/completion statistics.
CREATE TABLE assist_history (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES assist_request(id),
    event           TEXT NOT NULL,            -- submit/accept/refuse/forward/assign/suspend/resume/complete/rate/auto_close/withdraw
    from_state      TEXT NOT NULL,
    to_state        TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '', -- reason, opinion or rating comment
    at              TEXT NOT NULL,
    by_uid          TEXT NOT NULL,
    by_name         TEXT NOT NULL
);
CREATE INDEX assist_history_request ON assist_history(request_id, id);
-- Service records: help given, never enforcement evidence.
CREATE TABLE assist_record (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    request_id      INTEGER NOT NULL REFERENCES assist_request(id),
    service_date    TEXT NOT NULL,            -- YYYY-MM-DD
    mode            TEXT NOT NULL CHECK (mode IN ('phone', 'online', 'onsite', 'roundtable', 'experts')),
    participants    TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL,
    problems        TEXT NOT NULL DEFAULT '',
    advice          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT,
    delete_reason   TEXT
);
CREATE INDEX assist_record_request ON assist_record(request_id, id);
-- Suspensions pause the SLA clock; `resumed_at` is NULL while suspended.
CREATE TABLE assist_suspension (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES assist_request(id),
    suspended_at    TEXT NOT NULL,
    resumed_at      TEXT,
    reason          TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX assist_suspension_request ON assist_suspension(request_id, id);
-- Ratings, and the 回访 (return visit) note that a poor rating requires.
CREATE TABLE assist_evaluation (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES assist_request(id),
    rating          TEXT NOT NULL CHECK (rating IN ('very_satisfied', 'satisfied', 'fair', 'dissatisfied', 'very_dissatisfied', 'unrated')),
    comment         TEXT NOT NULL DEFAULT '',
    revisit         TEXT NOT NULL DEFAULT '', -- 回访 record, required for 不满意/非常不满意
    at              TEXT NOT NULL,
    by_uid          TEXT NOT NULL
);
CREATE INDEX assist_evaluation_request ON assist_evaluation(request_id, id);

-- 正面清单 (migration 4)
CREATE TABLE pl_batch (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL UNIQUE,      -- e.g. 2026年第1批
    year            INTEGER NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);

CREATE TABLE pl_entry (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    batch_id        INTEGER NOT NULL REFERENCES pl_batch(id),
    state           TEXT NOT NULL CHECK (state IN ('candidate', 'notice', 'listed', 'review', 'removed', 'rejected')),
    origin          TEXT NOT NULL CHECK (origin IN ('proposed', 'applied')),  -- staff proposal or self-service
    notice_start    TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
    notice_end      TEXT NOT NULL DEFAULT '',  -- last day of the public notice (working days, policy)
    listed_on       TEXT NOT NULL DEFAULT '',
    review_due      TEXT NOT NULL DEFAULT '',  -- next review (policy, months after listing)
    override_reason TEXT NOT NULL DEFAULT '',  -- supervisor's reason for admitting despite failed criteria
    removal_cause   TEXT NOT NULL DEFAULT '',  -- case_filed, incident, complaint, ..., request, closure
    removal_reason  TEXT NOT NULL DEFAULT '',
    removal_proposal TEXT NOT NULL DEFAULT '', -- a removal proposed (e.g. an inspection ended in 立案), awaiting a supervisor
    reapply_from    TEXT NOT NULL DEFAULT '',  -- end of the cool-down after removal
    offsite_means   TEXT NOT NULL DEFAULT '',  -- 非现场监管手段: monitoring, power, video, remote sensing
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE INDEX pl_entry_batch ON pl_entry(batch_id, state);
CREATE INDEX pl_entry_enterprise ON pl_entry(enterprise_id, id);
-- An enterprise has at most one open entry (not removed and not rejected).
CREATE UNIQUE INDEX pl_entry_open ON pl_entry(enterprise_id) WHERE state NOT IN ('removed', 'rejected');

-- The criteria check as evaluated at a moment, with its evidence.
CREATE TABLE pl_criterion (
    id              INTEGER PRIMARY KEY,
    entry_id        INTEGER NOT NULL REFERENCES pl_entry(id),
    criterion       TEXT NOT NULL,             -- no_penalty, no_incident, permit, monitoring, credit, grade
    result          TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'unknown')),
    evidence        TEXT NOT NULL DEFAULT '',
    checked_at      TEXT NOT NULL
);
CREATE INDEX pl_criterion_entry ON pl_criterion(entry_id, id);

-- Periodic reviews: started, and their outcome.
CREATE TABLE pl_review (
    id              INTEGER PRIMARY KEY,
    entry_id        INTEGER NOT NULL REFERENCES pl_entry(id),
    due             TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    started_by      TEXT NOT NULL,
    outcome         TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'pass', 'fail')),
    note            TEXT NOT NULL DEFAULT '',
    decided_at      TEXT NOT NULL DEFAULT '',
    decided_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pl_review_entry ON pl_review(entry_id, id);

-- Trigger events against a listed enterprise, with source reference and handling.
CREATE TABLE pl_trigger (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    entry_id        INTEGER NOT NULL REFERENCES pl_entry(id),
    kind            TEXT NOT NULL CHECK (kind IN ('complaint', 'monitoring_alarm', 'assigned', 'emergency', 'media')),
    reference       TEXT NOT NULL,             -- 来源编号: complaint number, alarm id, document number
    occurred_on     TEXT NOT NULL,
    handling        TEXT NOT NULL CHECK (handling IN ('offsite', 'onsite', 'removal')),
    note            TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL
);
CREATE INDEX pl_trigger_entry ON pl_trigger(entry_id, id);

-- Every state change of an entry, with its reason: the timeline of the detail screen.
CREATE TABLE pl_history (
    id              INTEGER PRIMARY KEY,
    entry_id        INTEGER NOT NULL REFERENCES pl_entry(id),
    from_state      TEXT NOT NULL,             -- '' for the creation
    to_state        TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL,
    by_uid          TEXT NOT NULL,
    by_name         TEXT NOT NULL
);
CREATE INDEX pl_history_entry ON pl_history(entry_id, id);

-- list and search speed (migration 5)
-- A filter on one of these columns finds its rows through its own index when it is selective; the
-- store compares the number of matches with a threshold and otherwise walks the sort-order index
-- (see store/enterprise_list.rs). The partial indexes serve the home screen's alert filters.
CREATE INDEX enterprise_credit ON enterprise(credit) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_permit_class ON enterprise(permit_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_hw_class ON enterprise(hw_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_list_status ON enterprise(list_status) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_key_flags ON enterprise(key_flags) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_permit_expiry ON enterprise(permit_expiry, status) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_nonstandard ON enterprise(name, id)
    WHERE deleted_at IS NULL AND COALESCE(uscc_nonstandard_reason, '') <> '';
CREATE INDEX enterprise_warned ON enterprise(name, id) WHERE deleted_at IS NULL AND warnings_ack <> '';

-- Search of one or two characters: trigram FTS needs three, so short queries scan this narrow copy of
-- the searched columns (name, former names, USCC, pinyin initials; ASCII lower-cased) instead of the
-- wide enterprise rows. Kept in step by triggers like the FTS table, so writes from any tool keep it.
CREATE TABLE enterprise_short_search (
    id              INTEGER PRIMARY KEY REFERENCES enterprise(id),
    haystack        TEXT NOT NULL
);
CREATE TRIGGER enterprise_short_search_ai AFTER INSERT ON enterprise WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO enterprise_short_search (id, haystack)
    VALUES (new.id, lower(new.name || char(10) || char(10) || new.uscc || char(10) || new.pinyin_initials));
END;
CREATE TRIGGER enterprise_short_search_au AFTER UPDATE ON enterprise BEGIN
    DELETE FROM enterprise_short_search WHERE id = old.id;
    INSERT INTO enterprise_short_search (id, haystack)
    SELECT new.id,
           lower(new.name || char(10) ||
                 COALESCE((SELECT group_concat(name, char(10)) FROM enterprise_former_name WHERE enterprise_id = new.id), '')
                 || char(10) || new.uscc || char(10) || new.pinyin_initials)
    WHERE new.deleted_at IS NULL;
END;
-- assistance round-tables and queue paging (migration 6)
-- created with channel 'roundtable' or linked when it was already filed.
CREATE TABLE assist_meeting (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    meeting_date    TEXT NOT NULL,            -- YYYY-MM-DD
    place           TEXT NOT NULL,
    host            TEXT NOT NULL,            -- 主持人
    region_code     TEXT NOT NULL REFERENCES region(code),
    topic           TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT,
    delete_reason   TEXT
);
CREATE INDEX assist_meeting_region ON assist_meeting(region_code, meeting_date, id) WHERE deleted_at IS NULL;
CREATE INDEX assist_meeting_date ON assist_meeting(meeting_date, id) WHERE deleted_at IS NULL;
CREATE TABLE assist_meeting_participant (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES assist_meeting(id),
    enterprise_id   INTEGER REFERENCES enterprise(id),  -- NULL: bureau staff, expert, other guest
    person          TEXT NOT NULL,
    role            TEXT NOT NULL DEFAULT '',           -- 职务 / role at the meeting
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX assist_meeting_participant_meeting ON assist_meeting_participant(meeting_id, id);
CREATE TABLE assist_meeting_problem (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES assist_meeting(id),
    request_id      INTEGER NOT NULL REFERENCES assist_request(id),
    linked          INTEGER NOT NULL CHECK (linked IN (0, 1)),  -- 1: an existing request was linked
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    UNIQUE (meeting_id, request_id)
);
CREATE INDEX assist_meeting_problem_request ON assist_meeting_problem(request_id);
-- Queue paging: newest first within a state, all regions (city accounts) and per region (branch).
CREATE INDEX assist_request_state_page ON assist_request(state, id) WHERE deleted_at IS NULL;
-- The running SLA needs only a request's open suspension, found without scanning its history.
CREATE INDEX assist_suspension_open ON assist_suspension(request_id) WHERE resumed_at IS NULL;
-- The running clock's alert dates (domain::assistance_sla::alert_dates), kept with the request on every
-- change so the near-due and overdue queues select, count and page by date in SQL. NULL when no clock
-- runs or while suspended. `assist_sla_basis` remembers the budgets and calendar they were computed
-- with: when an administrator changes either, the dates are recomputed before the next queue is read.
ALTER TABLE assist_request ADD COLUMN sla_warn_on TEXT;
ALTER TABLE assist_request ADD COLUMN sla_due_on TEXT;
CREATE INDEX assist_request_due_page ON assist_request(sla_due_on, id) WHERE deleted_at IS NULL AND sla_due_on IS NOT NULL;
CREATE INDEX assist_request_region_due_page ON assist_request(region_code, sla_due_on, id) WHERE deleted_at IS NULL AND sla_due_on IS NOT NULL;
CREATE TABLE assist_sla_basis (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    basis           TEXT NOT NULL
);
CREATE INDEX assist_request_region_page ON assist_request(region_code, id) WHERE deleted_at IS NULL;
-- How a rating reached the bureau: 'self' (the enterprise's own account) or 'phone' (taken by staff).
ALTER TABLE assist_evaluation ADD COLUMN channel TEXT NOT NULL DEFAULT 'self' CHECK (channel IN ('self', 'phone'));

-- 危险废物转移联单 manifests (migration 7)

-- 危险废物经营许可证 held by receivers (local or in another province).
CREATE TABLE hw_licence (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    number          TEXT NOT NULL UNIQUE,
    holder_uscc     TEXT NOT NULL,
    holder_name     TEXT NOT NULL,
    enterprise_id   INTEGER REFERENCES enterprise(id),  -- when the holder is in the register
    province        TEXT NOT NULL,            -- 2-digit province code (37 = 山东)
    scope           TEXT NOT NULL,            -- comma separated categories (HW08) or codes (900-249-08)
    modes           TEXT NOT NULL,            -- comma separated subset of collect,store,utilize,dispose
    capacity_kg     INTEGER NOT NULL CHECK (capacity_kg > 0),  -- annual capacity
    valid_from      TEXT NOT NULL,            -- YYYY-MM-DD
    valid_to        TEXT NOT NULL,            -- YYYY-MM-DD
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
, kind TEXT NOT NULL DEFAULT 'comprehensive'
    CHECK (kind IN ('comprehensive', 'collect')));
CREATE INDEX hw_licence_enterprise ON hw_licence(enterprise_id);

-- 跨省转移审批: one approved code, receiver licence and quantity over a validity of at most 12 months.
CREATE TABLE hw_approval (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    number          TEXT NOT NULL UNIQUE,
    generator_id    INTEGER NOT NULL REFERENCES enterprise(id),
    waste_code      TEXT NOT NULL,
    licence_id      INTEGER NOT NULL REFERENCES hw_licence(id),
    approved_kg     INTEGER NOT NULL CHECK (approved_kg > 0),
    valid_from      TEXT NOT NULL,
    valid_to        TEXT NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
, handling_mode TEXT NOT NULL DEFAULT ''
    CHECK (handling_mode IN ('', 'store', 'utilize', 'dispose')));
CREATE INDEX hw_approval_generator ON hw_approval(generator_id, valid_to);
CREATE INDEX hw_approval_valid_to ON hw_approval(valid_to);

-- The city's serial for locally created numbers YYYY3715nnnnnn, taken inside the inserting transaction.
CREATE TABLE manifest_counter (
    city            TEXT NOT NULL,            -- 4 digits: province + city (3715)
    year            INTEGER NOT NULL,
    next_seq        INTEGER NOT NULL,
    PRIMARY KEY (city, year)
);

CREATE TABLE manifest (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    number          TEXT NOT NULL UNIQUE,     -- 14 digits: year + province + city + serial
    origin          TEXT NOT NULL CHECK (origin IN ('local', 'national', 'paper')),
    generator_id    INTEGER NOT NULL REFERENCES enterprise(id),
    region_code     TEXT NOT NULL REFERENCES region(code),  -- the generator's region
    receiver_id     INTEGER REFERENCES enterprise(id),      -- the receiver when it is in the register
    receiver_region TEXT NOT NULL DEFAULT '',
    receiver_uscc   TEXT NOT NULL,
    receiver_name   TEXT NOT NULL,
    receiver_province TEXT NOT NULL,
    licence_id      INTEGER REFERENCES hw_licence(id),
    licence_number  TEXT NOT NULL,
    licence_snapshot TEXT NOT NULL,           -- JSON: scope, modes, capacity, validity when chosen
    handling_mode   TEXT NOT NULL CHECK (handling_mode IN ('collect', 'store', 'utilize', 'dispose')),
    approval_id     INTEGER REFERENCES hw_approval(id),
    transfer_date   TEXT NOT NULL,            -- YYYY-MM-DD: picks the 名录 edition
    edition_label   TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('draft', 'pending_transport', 'in_transit',
                        'awaiting_receipt', 'discrepancy', 'received', 'completed', 'rejected',
                        'cancelled', 'pending_backfill', 'backfilled')),
    submitted_at    TEXT,
    departed_at     TEXT,                     -- local YYYY-MM-DD HH:MM
    arrived_at      TEXT,
    received_at     TEXT,
    received_kg     INTEGER,
    decision        TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'accept', 'partial', 'reject')),
    handling_code   TEXT NOT NULL DEFAULT '', -- R/D/C code of the handling result
    confirmed_at    TEXT,
    completed_at    TEXT,
    paper_completed_on TEXT,                  -- paper manifests: the day the paper transfer ended
    backfilled_at   TEXT,
    cancel_reason   TEXT NOT NULL DEFAULT '',
    follow_up_of    INTEGER REFERENCES manifest(id),  -- the rejected manifest this one returns or re-sends
    warnings        TEXT NOT NULL DEFAULT '', -- acknowledged warning codes, comma separated
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
, reject_reason TEXT NOT NULL DEFAULT '', reject_note TEXT NOT NULL DEFAULT '');
CREATE INDEX manifest_region_state ON manifest(region_code, state, id);
CREATE INDEX manifest_state ON manifest(state, id);
CREATE INDEX manifest_generator ON manifest(generator_id, id);
CREATE INDEX manifest_receiver ON manifest(receiver_id, id);
CREATE INDEX manifest_approval ON manifest(approval_id);
CREATE INDEX manifest_arrived ON manifest(state, arrived_at);

CREATE TABLE manifest_line (
    manifest_id     INTEGER NOT NULL REFERENCES manifest(id),
    seq             INTEGER NOT NULL,
    waste_code      TEXT NOT NULL,
    category        TEXT NOT NULL,
    waste_name      TEXT NOT NULL,
    hazard          TEXT NOT NULL,            -- normalised subset of T,C,I,R,In
    form            TEXT NOT NULL CHECK (form IN ('S', 'SS', 'L', 'G')),
    components      TEXT NOT NULL DEFAULT '',
    harmful         TEXT NOT NULL DEFAULT '',
    packaging       TEXT NOT NULL DEFAULT '',
    containers      INTEGER NOT NULL DEFAULT 0 CHECK (containers >= 0),
    quantity_kg     INTEGER NOT NULL CHECK (quantity_kg > 0),
    received_kg     INTEGER,
    received_containers INTEGER,
    PRIMARY KEY (manifest_id, seq)
);
CREATE INDEX manifest_line_code ON manifest_line(waste_code);

-- Carriers in hand-over order.
CREATE TABLE manifest_leg (
    manifest_id     INTEGER NOT NULL REFERENCES manifest(id),
    seq             INTEGER NOT NULL,
    carrier_name    TEXT NOT NULL,
    carrier_uscc    TEXT NOT NULL,
    transport_licence TEXT NOT NULL,          -- 道路危险货物运输许可证
    plate           TEXT NOT NULL,
    driver          TEXT NOT NULL,
    escort          TEXT NOT NULL DEFAULT '',
    departed_at     TEXT,
    handover_at     TEXT,
    handover_place  TEXT NOT NULL DEFAULT '',
    arrived_at      TEXT,
    PRIMARY KEY (manifest_id, seq)
);

-- What the receiver found different from the declaration, and who was told when.
CREATE TABLE manifest_discrepancy (
    id              INTEGER PRIMARY KEY,
    manifest_id     INTEGER NOT NULL REFERENCES manifest(id),
    line_seq        INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('name', 'quantity', 'hazard', 'form', 'packaging')),
    declared        TEXT NOT NULL,
    measured        TEXT NOT NULL,
    told_generator_at TEXT NOT NULL,
    told_bureau_at  TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX manifest_discrepancy_manifest ON manifest_discrepancy(manifest_id, id);

CREATE TABLE manifest_history (
    id              INTEGER PRIMARY KEY,
    manifest_id     INTEGER NOT NULL REFERENCES manifest(id),
    event           TEXT NOT NULL,
    from_state      TEXT NOT NULL,
    to_state        TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL,
    by_uid          TEXT NOT NULL,
    by_name         TEXT NOT NULL
);
CREATE INDEX manifest_history_manifest ON manifest_history(manifest_id, id);

-- inspections (migration 8)
-- ecocase migration 6: 执法检查 inspections and 双随机 random draws (spec/domain.md §4).
-- Inspection numbers JC-<region>-<YYYY>-<nnnnn>: the next sequence per region and year, taken inside the
-- IMMEDIATE transaction that inserts the inspection.
CREATE TABLE insp_counter (
    region_code     TEXT NOT NULL REFERENCES region(code),
    year            INTEGER NOT NULL,
    next_seq        INTEGER NOT NULL,
    PRIMARY KEY (region_code, year)
);
-- The published checklist: items are versioned; a new wording is a new version, old answers keep theirs.
CREATE TABLE insp_checklist_item (
    code            TEXT NOT NULL,
    version         INTEGER NOT NULL,
    ordinal         INTEGER NOT NULL,
    name_zh         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    published_on    TEXT NOT NULL,            -- YYYY-MM-DD
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    PRIMARY KEY (code, version)
);
INSERT INTO insp_checklist_item (code, version, ordinal, name_zh, name_en, published_on) VALUES
    ('eia', 1, 1, '环评及三同时', 'EIA and three-simultaneous', '2026-01-01'),
    ('permit', 1, 2, '排污许可执行', 'Discharge permit compliance', '2026-01-01'),
    ('treatment', 1, 3, '治污设施运行', 'Pollution control facilities', '2026-01-01'),
    ('monitoring', 1, 4, '自动监控', 'Automatic monitoring', '2026-01-01'),
    ('waste', 1, 5, '固废/危废规范化', 'Solid/hazardous waste management', '2026-01-01'),
    ('emergency', 1, 6, '应急', 'Emergency preparedness', '2026-01-01'),
    ('soil', 1, 7, '土壤隐患排查', 'Soil hazard screening', '2026-01-01');
CREATE TABLE inspection (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    number          TEXT NOT NULL UNIQUE,     -- JC-<region>-<YYYY>-<nnnnn>
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    region_code     TEXT NOT NULL REFERENCES region(code),
    category        TEXT NOT NULL CHECK (category IN ('random', 'planned', 'complaint', 'assigned', 'monitoring', 'plist_trigger', 'recheck', 'special')),
    mode            TEXT NOT NULL CHECK (mode IN ('onsite', 'offsite')),
    trigger_ref     TEXT NOT NULL DEFAULT '', -- complaint number, assignment document, alarm id, parent number
    place           TEXT NOT NULL DEFAULT '',
    planned_on      TEXT NOT NULL,            -- YYYY-MM-DD: the inspection date certificates are judged by
    started_at      TEXT,
    ended_at        TEXT,
    state           TEXT NOT NULL CHECK (state IN ('planned', 'pending', 'in_progress', 'record_pending', 'completed', 'rectifying', 'recheck', 'case_proposed', 'case_transferred', 'archived', 'cancelled')),
    conclusion      TEXT NOT NULL DEFAULT '' CHECK (conclusion IN ('', 'no_issue', 'fixed_on_spot', 'order', 'case', 'transfer')),
    record_text     TEXT NOT NULL DEFAULT '', -- 现场检查笔录
    signature       TEXT NOT NULL DEFAULT '' CHECK (signature IN ('', 'signed', 'refused')),
    witness         TEXT NOT NULL DEFAULT '', -- required when the enterprise refuses to sign
    signed_at       TEXT,                     -- set once: findings and evidence are locked from then on
    recusal_reason  TEXT NOT NULL DEFAULT '',
    cancel_reason   TEXT NOT NULL DEFAULT '',
    parent_id       INTEGER REFERENCES inspection(id),  -- a re-check's original inspection
    draw_id         INTEGER,                  -- the draw that selected it
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT,
    delete_reason   TEXT
);
CREATE INDEX inspection_state_page ON inspection(state, planned_on, id) WHERE deleted_at IS NULL;
CREATE INDEX inspection_region_page ON inspection(region_code, planned_on, id) WHERE deleted_at IS NULL;
CREATE INDEX inspection_planned_page ON inspection(planned_on, id) WHERE deleted_at IS NULL;
CREATE INDEX inspection_enterprise ON inspection(enterprise_id, planned_on) WHERE deleted_at IS NULL;
-- Officers, with a snapshot of the certificate shown on the day (a later renewal does not rewrite it).
CREATE TABLE insp_officer (
    inspection_id   INTEGER NOT NULL REFERENCES inspection(id),
    user_id         INTEGER NOT NULL REFERENCES user(id),
    name            TEXT NOT NULL,
    cert_kind       TEXT NOT NULL,
    cert_number     TEXT NOT NULL,
    cert_issuer     TEXT NOT NULL,
    cert_valid_from TEXT NOT NULL,
    cert_valid_to   TEXT NOT NULL,
    PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX insp_officer_user ON insp_officer(user_id, inspection_id);
CREATE TABLE insp_representative (
    id              INTEGER PRIMARY KEY,
    inspection_id   INTEGER NOT NULL REFERENCES inspection(id),
    name            TEXT NOT NULL,
    position        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE insp_answer (
    inspection_id   INTEGER NOT NULL REFERENCES inspection(id),
    item_code       TEXT NOT NULL,
    item_version    INTEGER NOT NULL,
    answer          TEXT NOT NULL CHECK (answer IN ('pass', 'fail', 'na')),
    note            TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (inspection_id, item_code),
    FOREIGN KEY (item_code, item_version) REFERENCES insp_checklist_item(code, version)
);
-- Findings and evidence are append-only: a correction is a new row referencing the old, with a reason.
CREATE TABLE insp_finding (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    inspection_id   INTEGER NOT NULL REFERENCES inspection(id),
    description     TEXT NOT NULL,
    provision       TEXT NOT NULL DEFAULT '', -- suspected provision violated
    severity        TEXT NOT NULL CHECK (severity IN ('minor', 'general', 'serious')),
    minor_no_penalty INTEGER NOT NULL DEFAULT 0 CHECK (minor_no_penalty IN (0, 1)),
    evidence_refs   TEXT NOT NULL DEFAULT '',
    corrects_id     INTEGER REFERENCES insp_finding(id),
    correction_reason TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX insp_finding_inspection ON insp_finding(inspection_id, id);
CREATE TABLE insp_evidence (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    inspection_id   INTEGER NOT NULL REFERENCES inspection(id),
    kind            TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'audio', 'record', 'interview', 'document', 'sample', 'monitoring')),
    path            TEXT NOT NULL,
    sha256          TEXT NOT NULL,            -- hex of the file's bytes when it was recorded
    collected_at    TEXT NOT NULL,
    collected_by    TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    corrects_id     INTEGER REFERENCES insp_evidence(id),
    correction_reason TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX insp_evidence_inspection ON insp_evidence(inspection_id, id);
CREATE TRIGGER insp_finding_no_update BEFORE UPDATE ON insp_finding
BEGIN SELECT RAISE(ABORT, 'insp_finding is append-only'); END;
CREATE TRIGGER insp_finding_no_delete BEFORE DELETE ON insp_finding
BEGIN SELECT RAISE(ABORT, 'insp_finding is append-only'); END;
CREATE TRIGGER insp_evidence_no_update BEFORE UPDATE ON insp_evidence
BEGIN SELECT RAISE(ABORT, 'insp_evidence is append-only'); END;
CREATE TRIGGER insp_evidence_no_delete BEFORE DELETE ON insp_evidence
BEGIN SELECT RAISE(ABORT, 'insp_evidence is append-only'); END;
-- 责令改正: one order per inspection; the re-check is an inspection of category 'recheck'.
CREATE TABLE insp_rectification (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    inspection_id   INTEGER NOT NULL UNIQUE REFERENCES inspection(id),
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    doc_number      TEXT NOT NULL,
    served_on       TEXT NOT NULL,            -- YYYY-MM-DD
    deadline        TEXT NOT NULL,            -- YYYY-MM-DD, after served_on
    requirements    TEXT NOT NULL,
    report_text     TEXT NOT NULL DEFAULT '', -- the enterprise's rectification report
    report_at       TEXT,
    report_by       TEXT,
    recheck_id      INTEGER REFERENCES inspection(id),
    result          TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'done', 'partial', 'not_done')),
    result_note     TEXT NOT NULL DEFAULT '',
    result_at       TEXT,
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE INDEX insp_rectification_enterprise ON insp_rectification(enterprise_id, deadline);
CREATE INDEX insp_rectification_open ON insp_rectification(result, deadline);
-- 立案 transfer and the mirror of the case's status.
CREATE TABLE insp_case (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    inspection_id   INTEGER NOT NULL UNIQUE REFERENCES inspection(id),
    case_number     TEXT NOT NULL,
    discovered_on   TEXT NOT NULL,            -- YYYY-MM-DD: discovery of the act (or end of a continuing act)
    approved_on     TEXT NOT NULL,            -- YYYY-MM-DD: within 2 years of discovered_on
    handler         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('filed', 'investigating', 'notified', 'decided', 'executing', 'closed')),
    penalty_kind    TEXT NOT NULL DEFAULT '',
    penalty_fen     INTEGER NOT NULL DEFAULT 0 CHECK (penalty_fen >= 0),
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE TABLE insp_case_status (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES insp_case(id),
    status          TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL,
    by_uid          TEXT NOT NULL
);
CREATE INDEX insp_case_status_case ON insp_case_status(case_id, id);
-- Every transition of an inspection, for the timeline.
CREATE TABLE insp_history (
    id              INTEGER PRIMARY KEY,
    inspection_id   INTEGER NOT NULL REFERENCES inspection(id),
    event           TEXT NOT NULL,
    from_state      TEXT NOT NULL,
    to_state        TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    at              TEXT NOT NULL,
    by_uid          TEXT NOT NULL,
    by_name         TEXT NOT NULL
);
CREATE INDEX insp_history_inspection ON insp_history(inspection_id, id);
-- 回避: an officer's recorded relation to an enterprise.
CREATE TABLE insp_recusal (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES user(id),
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    relation        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    UNIQUE (user_id, enterprise_id)
);
-- 双随机 draw plans, draws, their candidates and results. Draws are append-only: triggers refuse any change.
CREATE TABLE draw_plan (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    regions         TEXT NOT NULL DEFAULT '', -- comma separated region codes; empty means every region in scope
    class           TEXT NOT NULL CHECK (class IN ('all', 'key', 'general')),
    ratio_pct       INTEGER NOT NULL DEFAULT 0 CHECK (ratio_pct BETWEEN 0 AND 100),
    count           INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
    listed_policy   TEXT NOT NULL CHECK (listed_policy IN ('exclude', 'offsite')),
    planned_on      TEXT NOT NULL,            -- YYYY-MM-DD: the date the drawn inspections are planned for
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE TABLE draw (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    plan_id         INTEGER NOT NULL REFERENCES draw_plan(id),
    algorithm       TEXT NOT NULL,            -- e.g. pfy-chacha20-lemire32-v1
    seed_hex        TEXT NOT NULL,            -- 32 bytes from the OS
    candidate_count INTEGER NOT NULL,
    candidate_sha256 TEXT NOT NULL,
    drawn_count     INTEGER NOT NULL,
    operator_uid    TEXT NOT NULL,
    operator_name   TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE TABLE draw_candidate (
    draw_id         INTEGER NOT NULL REFERENCES draw(id),
    position        INTEGER NOT NULL,         -- 0-based, canonical order by USCC
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    uscc            TEXT NOT NULL,
    PRIMARY KEY (draw_id, position)
);
CREATE TABLE draw_exclusion (
    draw_id         INTEGER NOT NULL REFERENCES draw(id),
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    reason          TEXT NOT NULL CHECK (reason IN ('closed', 'cap', 'listed')),
    PRIMARY KEY (draw_id, enterprise_id)
);
CREATE TABLE draw_result (
    draw_id         INTEGER NOT NULL REFERENCES draw(id),
    rank            INTEGER NOT NULL,         -- order of drawing, 0-based
    position        INTEGER NOT NULL,         -- the candidate's position
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    uscc            TEXT NOT NULL,
    mode            TEXT NOT NULL CHECK (mode IN ('onsite', 'offsite')),
    officer1_id     INTEGER REFERENCES user(id),
    officer2_id     INTEGER REFERENCES user(id),
    inspection_id   INTEGER REFERENCES inspection(id),
    PRIMARY KEY (draw_id, rank)
);
CREATE TRIGGER draw_no_update BEFORE UPDATE ON draw BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_no_delete BEFORE DELETE ON draw BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_candidate_no_update BEFORE UPDATE ON draw_candidate BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_candidate_no_delete BEFORE DELETE ON draw_candidate BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_exclusion_no_update BEFORE UPDATE ON draw_exclusion BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_exclusion_no_delete BEFORE DELETE ON draw_exclusion BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_result_no_update BEFORE UPDATE ON draw_result BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_result_no_delete BEFORE DELETE ON draw_result BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;

-- manifests extension (migration 9)
CREATE TABLE manifest_stock_extension (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    manifest_id     INTEGER NOT NULL REFERENCES manifest(id),
    approval_number TEXT NOT NULL,            -- the approving document's number
    extended_to     TEXT NOT NULL,            -- YYYY-MM-DD: storage allowed until this day
    approved_by     TEXT NOT NULL,            -- who approved it (authority or person)
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX manifest_stock_extension_manifest ON manifest_stock_extension(manifest_id, extended_to);
CREATE TRIGGER manifest_stock_extension_no_update BEFORE UPDATE ON manifest_stock_extension BEGIN SELECT RAISE(ABORT, 'stock extensions are append-only'); END;
CREATE TRIGGER manifest_stock_extension_no_delete BEFORE DELETE ON manifest_stock_extension BEGIN SELECT RAISE(ABORT, 'stock extensions are append-only'); END;

-- inspections publication (migration 10)
-- The officer pool of a 双随机 draw plan: the certified officers who take part in the pairing. A plan
-- without rows takes every eligible officer in its regions.
CREATE TABLE draw_plan_officer (
    plan_id         INTEGER NOT NULL REFERENCES draw_plan(id),
    user_id         INTEGER NOT NULL REFERENCES user(id),
    PRIMARY KEY (plan_id, user_id)
);

-- performance (migration 11)
-- The manifest alerts of the home screen count through partial indexes holding only the rows of their
-- state; id follows the state so the alert's list page walks the same index newest first.
CREATE INDEX manifest_stock_aging ON manifest(state, id, received_at) WHERE state = 'received';
CREATE INDEX manifest_transit_long ON manifest(state, id, departed_at) WHERE state = 'in_transit';
CREATE INDEX manifest_backfill_due ON manifest(state, id, paper_completed_on) WHERE state = 'pending_backfill';

-- list and 360 view at province scale (migration 12)
-- A filter inside one region counts its matches and chooses its plan through an index of both columns.
CREATE INDEX enterprise_region_credit ON enterprise(region_code, credit) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_permit_class ON enterprise(region_code, permit_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_hw_class ON enterprise(region_code, hw_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_list_status ON enterprise(region_code, list_status) WHERE deleted_at IS NULL;

-- licence capacity check (migration 13)
-- A receipt sums what the licence received that year through this index (range on received_at).
CREATE INDEX manifest_licence_received ON manifest(licence_id, received_at, received_kg) WHERE state IN ('received', 'completed');

-- lists at province scale (migration 14)
-- The inspection list's category, and a state or category inside a region, page through their own index.
CREATE INDEX inspection_category_page ON inspection(category, planned_on, id) WHERE deleted_at IS NULL;
CREATE INDEX inspection_state_category_page ON inspection(state, category, planned_on, id) WHERE deleted_at IS NULL;
CREATE INDEX inspection_region_state_page ON inspection(region_code, state, planned_on, id) WHERE deleted_at IS NULL;
CREATE INDEX inspection_region_category_page ON inspection(region_code, category, planned_on, id) WHERE deleted_at IS NULL;
-- A branch's overdue receipts and aging stock test the regions from the index; state + category in a region.
CREATE INDEX manifest_receipt_overdue ON manifest(state, arrived_at, region_code, receiver_region) WHERE state IN ('awaiting_receipt', 'discrepancy');
CREATE INDEX manifest_stock_aging_region ON manifest(state, id, received_at, region_code, receiver_region) WHERE state = 'received';
CREATE INDEX inspection_region_state_category_page ON inspection(region_code, state, category, planned_on, id) WHERE deleted_at IS NULL;
-- A branch's manifest state tabs test the regions from the index.
CREATE INDEX manifest_state_regions ON manifest(state, id, region_code, receiver_region);
-- A branch's manifests in transit too long test departure and regions from the index.
CREATE INDEX manifest_transit_long_region ON manifest(state, id, departed_at, region_code, receiver_region) WHERE state = 'in_transit';

-- branch home counts (migration 15)
CREATE INDEX enterprise_region_status ON enterprise(region_code, status) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_permit_expiry ON enterprise(region_code, permit_expiry, status) WHERE deleted_at IS NULL;

-- note visibility and positive-list applications (migration 17)
ALTER TABLE assist_history ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal'));
ALTER TABLE pl_history ADD COLUMN event TEXT NOT NULL DEFAULT '';
ALTER TABLE pl_history ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal'));
ALTER TABLE pl_entry ADD COLUMN apply_note TEXT NOT NULL DEFAULT '';
ALTER TABLE pl_entry ADD COLUMN apply_contact TEXT NOT NULL DEFAULT '';
-- inspection rules (migration 18)
-- ecocase migration 18: 执法检查 and 双随机 rules that hold (issue 18) (user_version 17 -> 18).
-- The act a case rests on (《行政处罚法》第三十六条): its date, or the day it ended for a continuing act,
-- and whether the five-year period applies. Inspections still open when this migration ran were recorded
-- without it: they are marked, and cannot be transferred to 立案 until the act date is filled in.
CREATE TABLE insp_act (
    inspection_id   INTEGER PRIMARY KEY REFERENCES inspection(id),
    act_on          TEXT,                     -- YYYY-MM-DD: the act, or the day a continuing act ended
    continuing      INTEGER NOT NULL DEFAULT 0 CHECK (continuing IN (0, 1)),
    five_year       INTEGER NOT NULL DEFAULT 0 CHECK (five_year IN (0, 1)),
    migrated        INTEGER NOT NULL DEFAULT 0 CHECK (migrated IN (0, 1)),
    updated_at      TEXT,
    updated_by      TEXT
);
INSERT INTO insp_act (inspection_id, migrated)
    SELECT id, 1 FROM inspection WHERE state NOT IN ('completed', 'archived', 'cancelled', 'case_transferred');
-- 专项 plans: approved by a supervisor when recorded, naming one enterprise or a class of enterprises.
CREATE TABLE insp_special_plan (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    doc_ref         TEXT NOT NULL,            -- the approved plan's document number
    enterprise_id   INTEGER REFERENCES enterprise(id),
    class           TEXT NOT NULL DEFAULT '' CHECK (class IN ('', 'key', 'general', 'all')),
    region_code     TEXT NOT NULL DEFAULT '', -- '' for the whole city
    approved_by     TEXT NOT NULL,            -- the supervisor's uid
    approved_by_name TEXT NOT NULL,
    approved_at     TEXT NOT NULL,
    CHECK (enterprise_id IS NOT NULL OR class <> '')
);
-- 无事不扰: the recorded fact an on-site check of a listed enterprise rests on, picked when it was planned.
CREATE TABLE insp_guard_link (
    inspection_id   INTEGER PRIMARY KEY REFERENCES inspection(id),
    trigger_id      INTEGER REFERENCES pl_trigger(id),
    special_plan_id INTEGER REFERENCES insp_special_plan(id),
    CHECK ((trigger_id IS NULL) <> (special_plan_id IS NULL))
);
-- 回避 (《行政处罚法》第四十三条): a supervisor's decision that a related officer may stay on one inspection.
CREATE TABLE insp_recusal_decision (
    id              INTEGER PRIMARY KEY,
    inspection_id   INTEGER NOT NULL REFERENCES inspection(id),
    user_id         INTEGER NOT NULL REFERENCES user(id),
    reason          TEXT NOT NULL,
    decided_by      TEXT NOT NULL,            -- the supervisor's uid
    decided_by_name TEXT NOT NULL,
    decided_at      TEXT NOT NULL
);
CREATE INDEX insp_recusal_decision_inspection ON insp_recusal_decision(inspection_id, user_id);
-- The enterprise's rectification reports, one row per version; a new version carries its reason.
CREATE TABLE insp_rect_report (
    id              INTEGER PRIMARY KEY,
    rectification_id INTEGER NOT NULL REFERENCES insp_rectification(id),
    version         INTEGER NOT NULL,
    text            TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    days_late       INTEGER NOT NULL DEFAULT 0,  -- days after the order's deadline, 0 when on time
    submitted_at    TEXT NOT NULL,
    submitted_by    TEXT NOT NULL,
    UNIQUE (rectification_id, version)
);
INSERT INTO insp_rect_report (rectification_id, version, text, submitted_at, submitted_by)
    SELECT id, 1, report_text, report_at, COALESCE(report_by, updated_by) FROM insp_rectification
    WHERE report_at IS NOT NULL AND report_text <> '';
CREATE TRIGGER insp_rect_report_no_update BEFORE UPDATE ON insp_rect_report
BEGIN SELECT RAISE(ABORT, 'insp_rect_report is append-only'); END;
CREATE TRIGGER insp_rect_report_no_delete BEFORE DELETE ON insp_rect_report
BEGIN SELECT RAISE(ABORT, 'insp_rect_report is append-only'); END;
-- The finding an evidence item supports.
CREATE TABLE insp_evidence_finding (
    evidence_id     INTEGER PRIMARY KEY REFERENCES insp_evidence(id),
    finding_id      INTEGER NOT NULL REFERENCES insp_finding(id)
);
-- 双随机 exclusions added by this version: an open inspection, or drawn already in the same quarter.
CREATE TABLE draw_exclusion_rule (
    draw_id         INTEGER NOT NULL REFERENCES draw(id),
    enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
    reason          TEXT NOT NULL CHECK (reason IN ('open', 'drawn')),
    PRIMARY KEY (draw_id, enterprise_id)
);
CREATE TRIGGER draw_exclusion_rule_no_update BEFORE UPDATE ON draw_exclusion_rule BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
CREATE TRIGGER draw_exclusion_rule_no_delete BEFORE DELETE ON draw_exclusion_rule BEGIN SELECT RAISE(ABORT, 'draw is append-only'); END;
-- ---- manifest gaps against 部令第23号 (migration 19)
CREATE INDEX manifest_follow_up ON manifest(follow_up_of) WHERE follow_up_of IS NOT NULL;
CREATE TABLE hw_handling_code (
    code        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('utilize', 'dispose', 'store')),
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT ''
);
