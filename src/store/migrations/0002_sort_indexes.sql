-- ecocase migration 2: indexes for sorting the enterprise list (user_version 1 -> 2).
-- Keyset paging for every order the enterprise list offers, with and without a fixed region (branch
-- accounts and the region filter): (status, name, id) and the per-region forms of USCC and status order.
-- (name, id), (region_code, name, id) and the unique (uscc) -- whose entries end in the rowid, the id --
-- already serve the other orders.
CREATE INDEX enterprise_region_uscc_page ON enterprise(region_code, uscc, id) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_status_page ON enterprise(status, name, id) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_status_page ON enterprise(region_code, status, name, id) WHERE deleted_at IS NULL;
