-- ecocase migration 12: list and 360 view at province scale (issue 9; user_version 11 -> 12).
-- A filter inside one region (a branch account's scope, or the region filter) counts its matches, and
-- decides between the filter's index and the sort-order index (store/enterprise_list.rs), through an
-- index holding both columns: without it a region of 36k rows was walked row by row to test the
-- filter (170 ms for a region + credit page). The status filter has (status, region_code) already.
CREATE INDEX enterprise_region_credit ON enterprise(region_code, credit) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_permit_class ON enterprise(region_code, permit_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_hw_class ON enterprise(region_code, hw_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_region_list_status ON enterprise(region_code, list_status) WHERE deleted_at IS NULL;
