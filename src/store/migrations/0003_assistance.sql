-- ecocase migration 3: 点单式帮扶 on-demand assistance requests (user_version 2 -> 3).
-- Request numbers BF-<region>-<YYYY>-<nnnnn>: the next sequence per region and year, taken inside the
-- IMMEDIATE transaction that inserts the request, so concurrent filings never share a number. A rolled
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
