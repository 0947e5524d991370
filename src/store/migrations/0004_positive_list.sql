-- ecocase migration 4: 正面清单 "无事不扰", the positive list (spec/domain.md §2).
-- Batches of entries; each entry walks 候选 -> 公示中 -> 在册 -> 复核中 -> 在册/已移出 (or 未纳入).
-- enterprise.list_status is kept in step with the entry state by the service layer.
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
