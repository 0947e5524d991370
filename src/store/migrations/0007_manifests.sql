-- ecocase migration 7: 危险废物转移联单 hazardous waste transfer manifests (user_version 6 -> 7).
-- Quantities are integer kilograms (tonnes x 1000, the 3 decimals the manifest allows), never REAL.
-- Times entered by people (departure, arrival, receipt) are local `YYYY-MM-DD HH:MM` text; the
-- created/updated stamps are UTC RFC 3339 like every other table. Manifests are never deleted.

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
);
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
);
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
);
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
