-- ecocase migration 16: stored days and manifest times in the one form each is read in (user_version 15 -> 16).
-- Days and times are now read strictly as typed values (domain/time.rs), so text in another form would be a
-- read error. Data only: the tables, indexes and triggers do not change. One UPDATE per table, touching
-- only the rows that need it.
--
-- 1. A manifest's recorded moments (submitted, confirmed, completed, back-filled, created, updated) are
--    RFC 3339 UTC with seconds and `Z`, as the service writes them. Demo databases made before this version
--    wrote some as Beijing wall-clock minutes (`2026-03-18 17:00`); those become the same moment in UTC
--    (`2026-03-18T09:00:00Z`).
-- 2. A day typed as `2026-1-5` used to be stored as typed; in every day column a month or day of one
--    digit gets its leading zero (`2026-01-05`). Any other text is left as it is (and reported where it is
--    read). `calendar_day.day` is a key, always written in full by the calendar import: not touched.

-- 1. Manifest moments: Beijing minutes to UTC.
UPDATE manifest SET
    submitted_at = CASE WHEN submitted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
        THEN strftime('%Y-%m-%dT%H:%M:%SZ', submitted_at, '-8 hours') ELSE submitted_at END,
    confirmed_at = CASE WHEN confirmed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
        THEN strftime('%Y-%m-%dT%H:%M:%SZ', confirmed_at, '-8 hours') ELSE confirmed_at END,
    completed_at = CASE WHEN completed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
        THEN strftime('%Y-%m-%dT%H:%M:%SZ', completed_at, '-8 hours') ELSE completed_at END,
    backfilled_at = CASE WHEN backfilled_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
        THEN strftime('%Y-%m-%dT%H:%M:%SZ', backfilled_at, '-8 hours') ELSE backfilled_at END,
    created_at = CASE WHEN created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
        THEN strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '-8 hours') ELSE created_at END,
    updated_at = CASE WHEN updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
        THEN strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, '-8 hours') ELSE updated_at END
WHERE submitted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
   OR confirmed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
   OR completed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
   OR backfilled_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
   OR created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
   OR updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]';

-- 2. Short-form days to YYYY-MM-DD: `[0-9][0-9][0-9][0-9]-[0-9]-[0-9]`, `[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]` and `[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]` only.
UPDATE waste_edition SET
    effective_from = CASE WHEN effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(effective_from, 1, 5) || '0' || substr(effective_from, 6, 2) || '0' || substr(effective_from, 8)
        WHEN effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(effective_from, 1, 8) || '0' || substr(effective_from, 9)
        WHEN effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(effective_from, 1, 5) || '0' || substr(effective_from, 6)
        ELSE effective_from END
WHERE (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE enterprise SET
    permit_expiry = CASE WHEN permit_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(permit_expiry, 1, 5) || '0' || substr(permit_expiry, 6, 2) || '0' || substr(permit_expiry, 8)
        WHEN permit_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(permit_expiry, 1, 8) || '0' || substr(permit_expiry, 9)
        WHEN permit_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(permit_expiry, 1, 5) || '0' || substr(permit_expiry, 6)
        ELSE permit_expiry END
WHERE (permit_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR permit_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR permit_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE enterprise_former_name SET
    valid_to = CASE WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6, 2) || '0' || substr(valid_to, 8)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(valid_to, 1, 8) || '0' || substr(valid_to, 9)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6)
        ELSE valid_to END
WHERE (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE certificate SET
    valid_from = CASE WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(valid_from, 1, 5) || '0' || substr(valid_from, 6, 2) || '0' || substr(valid_from, 8)
        WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(valid_from, 1, 8) || '0' || substr(valid_from, 9)
        WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(valid_from, 1, 5) || '0' || substr(valid_from, 6)
        ELSE valid_from END,
    valid_to = CASE WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6, 2) || '0' || substr(valid_to, 8)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(valid_to, 1, 8) || '0' || substr(valid_to, 9)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6)
        ELSE valid_to END
WHERE (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE assist_request SET
    wished_date = CASE WHEN wished_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(wished_date, 1, 5) || '0' || substr(wished_date, 6, 2) || '0' || substr(wished_date, 8)
        WHEN wished_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(wished_date, 1, 8) || '0' || substr(wished_date, 9)
        WHEN wished_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(wished_date, 1, 5) || '0' || substr(wished_date, 6)
        ELSE wished_date END
WHERE (wished_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR wished_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR wished_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE assist_record SET
    service_date = CASE WHEN service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(service_date, 1, 5) || '0' || substr(service_date, 6, 2) || '0' || substr(service_date, 8)
        WHEN service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(service_date, 1, 8) || '0' || substr(service_date, 9)
        WHEN service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(service_date, 1, 5) || '0' || substr(service_date, 6)
        ELSE service_date END
WHERE (service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE assist_meeting SET
    meeting_date = CASE WHEN meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(meeting_date, 1, 5) || '0' || substr(meeting_date, 6, 2) || '0' || substr(meeting_date, 8)
        WHEN meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(meeting_date, 1, 8) || '0' || substr(meeting_date, 9)
        WHEN meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(meeting_date, 1, 5) || '0' || substr(meeting_date, 6)
        ELSE meeting_date END
WHERE (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE pl_entry SET
    notice_start = CASE WHEN notice_start GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(notice_start, 1, 5) || '0' || substr(notice_start, 6, 2) || '0' || substr(notice_start, 8)
        WHEN notice_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(notice_start, 1, 8) || '0' || substr(notice_start, 9)
        WHEN notice_start GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(notice_start, 1, 5) || '0' || substr(notice_start, 6)
        ELSE notice_start END,
    notice_end = CASE WHEN notice_end GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(notice_end, 1, 5) || '0' || substr(notice_end, 6, 2) || '0' || substr(notice_end, 8)
        WHEN notice_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(notice_end, 1, 8) || '0' || substr(notice_end, 9)
        WHEN notice_end GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(notice_end, 1, 5) || '0' || substr(notice_end, 6)
        ELSE notice_end END,
    listed_on = CASE WHEN listed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(listed_on, 1, 5) || '0' || substr(listed_on, 6, 2) || '0' || substr(listed_on, 8)
        WHEN listed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(listed_on, 1, 8) || '0' || substr(listed_on, 9)
        WHEN listed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(listed_on, 1, 5) || '0' || substr(listed_on, 6)
        ELSE listed_on END,
    review_due = CASE WHEN review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(review_due, 1, 5) || '0' || substr(review_due, 6, 2) || '0' || substr(review_due, 8)
        WHEN review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(review_due, 1, 8) || '0' || substr(review_due, 9)
        WHEN review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(review_due, 1, 5) || '0' || substr(review_due, 6)
        ELSE review_due END,
    reapply_from = CASE WHEN reapply_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(reapply_from, 1, 5) || '0' || substr(reapply_from, 6, 2) || '0' || substr(reapply_from, 8)
        WHEN reapply_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(reapply_from, 1, 8) || '0' || substr(reapply_from, 9)
        WHEN reapply_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(reapply_from, 1, 5) || '0' || substr(reapply_from, 6)
        ELSE reapply_from END
WHERE (notice_start GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR notice_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR notice_start GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (notice_end GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR notice_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR notice_end GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (listed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR listed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR listed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (reapply_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR reapply_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR reapply_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE pl_review SET
    due = CASE WHEN due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(due, 1, 5) || '0' || substr(due, 6, 2) || '0' || substr(due, 8)
        WHEN due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(due, 1, 8) || '0' || substr(due, 9)
        WHEN due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(due, 1, 5) || '0' || substr(due, 6)
        ELSE due END
WHERE (due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE pl_trigger SET
    occurred_on = CASE WHEN occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(occurred_on, 1, 5) || '0' || substr(occurred_on, 6, 2) || '0' || substr(occurred_on, 8)
        WHEN occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(occurred_on, 1, 8) || '0' || substr(occurred_on, 9)
        WHEN occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(occurred_on, 1, 5) || '0' || substr(occurred_on, 6)
        ELSE occurred_on END
WHERE (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE hw_licence SET
    valid_from = CASE WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(valid_from, 1, 5) || '0' || substr(valid_from, 6, 2) || '0' || substr(valid_from, 8)
        WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(valid_from, 1, 8) || '0' || substr(valid_from, 9)
        WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(valid_from, 1, 5) || '0' || substr(valid_from, 6)
        ELSE valid_from END,
    valid_to = CASE WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6, 2) || '0' || substr(valid_to, 8)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(valid_to, 1, 8) || '0' || substr(valid_to, 9)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6)
        ELSE valid_to END
WHERE (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE hw_approval SET
    valid_from = CASE WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(valid_from, 1, 5) || '0' || substr(valid_from, 6, 2) || '0' || substr(valid_from, 8)
        WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(valid_from, 1, 8) || '0' || substr(valid_from, 9)
        WHEN valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(valid_from, 1, 5) || '0' || substr(valid_from, 6)
        ELSE valid_from END,
    valid_to = CASE WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6, 2) || '0' || substr(valid_to, 8)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(valid_to, 1, 8) || '0' || substr(valid_to, 9)
        WHEN valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(valid_to, 1, 5) || '0' || substr(valid_to, 6)
        ELSE valid_to END
WHERE (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE manifest SET
    transfer_date = CASE WHEN transfer_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(transfer_date, 1, 5) || '0' || substr(transfer_date, 6, 2) || '0' || substr(transfer_date, 8)
        WHEN transfer_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(transfer_date, 1, 8) || '0' || substr(transfer_date, 9)
        WHEN transfer_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(transfer_date, 1, 5) || '0' || substr(transfer_date, 6)
        ELSE transfer_date END,
    paper_completed_on = CASE WHEN paper_completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(paper_completed_on, 1, 5) || '0' || substr(paper_completed_on, 6, 2) || '0' || substr(paper_completed_on, 8)
        WHEN paper_completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(paper_completed_on, 1, 8) || '0' || substr(paper_completed_on, 9)
        WHEN paper_completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(paper_completed_on, 1, 5) || '0' || substr(paper_completed_on, 6)
        ELSE paper_completed_on END
WHERE (transfer_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR transfer_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR transfer_date GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (paper_completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR paper_completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR paper_completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE manifest_stock_extension SET
    extended_to = CASE WHEN extended_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(extended_to, 1, 5) || '0' || substr(extended_to, 6, 2) || '0' || substr(extended_to, 8)
        WHEN extended_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(extended_to, 1, 8) || '0' || substr(extended_to, 9)
        WHEN extended_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(extended_to, 1, 5) || '0' || substr(extended_to, 6)
        ELSE extended_to END
WHERE (extended_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR extended_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR extended_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE insp_checklist_item SET
    published_on = CASE WHEN published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(published_on, 1, 5) || '0' || substr(published_on, 6, 2) || '0' || substr(published_on, 8)
        WHEN published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(published_on, 1, 8) || '0' || substr(published_on, 9)
        WHEN published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(published_on, 1, 5) || '0' || substr(published_on, 6)
        ELSE published_on END
WHERE (published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE inspection SET
    planned_on = CASE WHEN planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(planned_on, 1, 5) || '0' || substr(planned_on, 6, 2) || '0' || substr(planned_on, 8)
        WHEN planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(planned_on, 1, 8) || '0' || substr(planned_on, 9)
        WHEN planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(planned_on, 1, 5) || '0' || substr(planned_on, 6)
        ELSE planned_on END
WHERE (planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE insp_officer SET
    cert_valid_from = CASE WHEN cert_valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(cert_valid_from, 1, 5) || '0' || substr(cert_valid_from, 6, 2) || '0' || substr(cert_valid_from, 8)
        WHEN cert_valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(cert_valid_from, 1, 8) || '0' || substr(cert_valid_from, 9)
        WHEN cert_valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(cert_valid_from, 1, 5) || '0' || substr(cert_valid_from, 6)
        ELSE cert_valid_from END,
    cert_valid_to = CASE WHEN cert_valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(cert_valid_to, 1, 5) || '0' || substr(cert_valid_to, 6, 2) || '0' || substr(cert_valid_to, 8)
        WHEN cert_valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(cert_valid_to, 1, 8) || '0' || substr(cert_valid_to, 9)
        WHEN cert_valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(cert_valid_to, 1, 5) || '0' || substr(cert_valid_to, 6)
        ELSE cert_valid_to END
WHERE (cert_valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR cert_valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR cert_valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (cert_valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR cert_valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR cert_valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE insp_rectification SET
    served_on = CASE WHEN served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(served_on, 1, 5) || '0' || substr(served_on, 6, 2) || '0' || substr(served_on, 8)
        WHEN served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(served_on, 1, 8) || '0' || substr(served_on, 9)
        WHEN served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(served_on, 1, 5) || '0' || substr(served_on, 6)
        ELSE served_on END,
    deadline = CASE WHEN deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(deadline, 1, 5) || '0' || substr(deadline, 6, 2) || '0' || substr(deadline, 8)
        WHEN deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(deadline, 1, 8) || '0' || substr(deadline, 9)
        WHEN deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(deadline, 1, 5) || '0' || substr(deadline, 6)
        ELSE deadline END
WHERE (served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE insp_case SET
    discovered_on = CASE WHEN discovered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(discovered_on, 1, 5) || '0' || substr(discovered_on, 6, 2) || '0' || substr(discovered_on, 8)
        WHEN discovered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(discovered_on, 1, 8) || '0' || substr(discovered_on, 9)
        WHEN discovered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(discovered_on, 1, 5) || '0' || substr(discovered_on, 6)
        ELSE discovered_on END,
    approved_on = CASE WHEN approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(approved_on, 1, 5) || '0' || substr(approved_on, 6, 2) || '0' || substr(approved_on, 8)
        WHEN approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(approved_on, 1, 8) || '0' || substr(approved_on, 9)
        WHEN approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(approved_on, 1, 5) || '0' || substr(approved_on, 6)
        ELSE approved_on END
WHERE (discovered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR discovered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR discovered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]')
   OR (approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
UPDATE draw_plan SET
    planned_on = CASE WHEN planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' THEN substr(planned_on, 1, 5) || '0' || substr(planned_on, 6, 2) || '0' || substr(planned_on, 8)
        WHEN planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' THEN substr(planned_on, 1, 8) || '0' || substr(planned_on, 9)
        WHEN planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]' THEN substr(planned_on, 1, 5) || '0' || substr(planned_on, 6)
        ELSE planned_on END
WHERE (planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9]' OR planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9]' OR planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9]');
