-- ecocase migration 13: a receiver licence's received total (user_version 12 -> 13).
-- Every receipt checks the licence's annual capacity against what it has received that year; without
-- this index the check read every manifest of the licence (all of them at a city's one big receiver).
CREATE INDEX manifest_licence_received ON manifest(licence_id, received_at, received_kg) WHERE state IN ('received', 'completed');
