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
