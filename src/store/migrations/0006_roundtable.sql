-- ecocase migration 6: 企业圆桌座谈 round-table meetings, and indexes that let the 帮扶 queues page and
-- count in SQL (user_version 5 -> 6).
-- A meeting is held by a region's staff; participants are enterprises (with the person who came and
-- their role) or bureau people and experts (no enterprise); each problem raised there is a request,
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
-- The enterprise list's status order by meaning (在营, 停产, 注销), not by code: the same expression as
-- store::enterprise_list::STATUS_RANK, so keyset pages walk the index.
DROP INDEX enterprise_status_page;
DROP INDEX enterprise_region_status_page;
CREATE INDEX enterprise_status_page ON enterprise((CASE status WHEN 'operating' THEN 0 WHEN 'suspended' THEN 1 ELSE 2 END), name, id) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_status_page ON enterprise(region_code, (CASE status WHEN 'operating' THEN 0 WHEN 'suspended' THEN 1 ELSE 2 END), name, id) WHERE deleted_at IS NULL;
-- How a rating reached the bureau: 'self' (the enterprise's own account) or 'phone' (taken by staff).
ALTER TABLE assist_evaluation ADD COLUMN channel TEXT NOT NULL DEFAULT 'self' CHECK (channel IN ('self', 'phone'));
