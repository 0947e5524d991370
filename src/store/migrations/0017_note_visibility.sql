-- ecocase migration 17: 对企业公开 / 内部 on every 帮扶 and 正面清单 history entry, the positive list's
-- timeline events, and the enterprise's own application note and contact (user_version 16 -> 17).
-- Enterprise accounts never receive an internal entry (the service filters every read).
ALTER TABLE assist_history ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal'));
-- Reassignment reasons are the bureau's own business.
UPDATE assist_history SET visibility = 'internal' WHERE event = 'reassign';
-- The positive list's timeline names what happened (proposed, applied, late_objection, withdraw); it
-- used to keep the origin code in the reason of the first row.
ALTER TABLE pl_history ADD COLUMN event TEXT NOT NULL DEFAULT '';
ALTER TABLE pl_history ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal'));
UPDATE pl_history SET event = reason, reason = '' WHERE from_state = '' AND reason IN ('proposed', 'applied');
-- What an enterprise wrote when it applied, and whom to contact about it.
ALTER TABLE pl_entry ADD COLUMN apply_note TEXT NOT NULL DEFAULT '';
ALTER TABLE pl_entry ADD COLUMN apply_contact TEXT NOT NULL DEFAULT '';
