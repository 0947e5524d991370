-- Performance at province scale (issue 9): the manifest alerts of the home screen count through partial
-- indexes holding only the rows of their state, instead of reading every received or in-transit row of
-- the table. State leads and id follows, so the same index also serves the alert's list page newest
-- first without a sort; the date is in the index, so a count never reads the table.
CREATE INDEX manifest_stock_aging ON manifest(state, id, received_at) WHERE state = 'received';
CREATE INDEX manifest_transit_long ON manifest(state, id, departed_at) WHERE state = 'in_transit';
CREATE INDEX manifest_backfill_due ON manifest(state, id, paper_completed_on) WHERE state = 'pending_backfill';
