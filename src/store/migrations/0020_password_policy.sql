-- ecocase migration 20: password policy and login delays (issue 22).
-- The minimum password length was 4 by default; NIST SP 800-63B asks for more. A database still at the
-- old default moves to the new one (12); a length an administrator chose is kept if it is at least 8.
UPDATE setting SET value = '12', updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), updated_by = 'system'
 WHERE key = 'password.min_length' AND (value = '4' OR CAST(value AS INTEGER) < 8);
-- Accounts are no longer locked for minutes after failures: the next attempt waits 1, 2, 4 ... seconds,
-- at most login.max_delay_seconds. Lock times stored in the account rows are cleared.
DELETE FROM setting WHERE key = 'login.lock_minutes';
-- (A new database has no settings yet at this point: it is seeded with the defaults afterwards.)
INSERT OR IGNORE INTO setting (key, value, updated_at, updated_by)
 SELECT 'login.max_delay_seconds', '60', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'system'
  WHERE EXISTS (SELECT 1 FROM setting);
UPDATE user SET locked_until = NULL, failed_logins = 0 WHERE locked_until IS NOT NULL OR failed_logins <> 0;
