-- A branch's home screen counts its region's enterprises by status and its permits expiring or
-- expired from these indexes alone, instead of reading each of the region's rows (35 ms per count at
-- province scale).
CREATE INDEX enterprise_region_status ON enterprise(region_code, status) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_permit_expiry ON enterprise(region_code, permit_expiry, status) WHERE deleted_at IS NULL;
