-- ecocase migration 8: 执法检查 inspections and 双随机 random draws (spec/domain.md §4).
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
