-- ecocase migration 9: approved extensions of a receiver's storage of hazardous waste (user_version 8 -> 9).
-- Stock older than one year needs an approved extension (domain.md §3); the 11-month alert of a
-- received manifest is silenced until the latest extension's date. Extensions are never changed.

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
