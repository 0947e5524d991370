-- ecocase migration 5: list and search speed at province scale (user_version 4 -> 5).
-- A filter on one of these columns finds its rows through its own index when it is selective; the
-- store compares the number of matches with a threshold and otherwise walks the sort-order index
-- (see store/enterprise_list.rs). The partial indexes serve the home screen's alert filters.
CREATE INDEX enterprise_credit ON enterprise(credit) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_permit_class ON enterprise(permit_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_hw_class ON enterprise(hw_class) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_list_status ON enterprise(list_status) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_key_flags ON enterprise(key_flags) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_permit_expiry ON enterprise(permit_expiry, status) WHERE deleted_at IS NULL;
CREATE INDEX enterprise_nonstandard ON enterprise(name, id)
    WHERE deleted_at IS NULL AND COALESCE(uscc_nonstandard_reason, '') <> '';
CREATE INDEX enterprise_warned ON enterprise(name, id) WHERE deleted_at IS NULL AND warnings_ack <> '';

-- Search of one or two characters: trigram FTS needs three, so short queries scan this narrow copy of
-- the searched columns (name, former names, USCC, pinyin initials; ASCII lower-cased) instead of the
-- wide enterprise rows. Kept in step by triggers like the FTS table, so writes from any tool keep it.
CREATE TABLE enterprise_short_search (
    id              INTEGER PRIMARY KEY REFERENCES enterprise(id),
    haystack        TEXT NOT NULL
);
INSERT INTO enterprise_short_search (id, haystack)
SELECT e.id,
       lower(e.name || char(10) ||
             COALESCE((SELECT group_concat(name, char(10)) FROM enterprise_former_name WHERE enterprise_id = e.id), '')
             || char(10) || e.uscc || char(10) || e.pinyin_initials)
FROM enterprise e WHERE e.deleted_at IS NULL;
CREATE TRIGGER enterprise_short_search_ai AFTER INSERT ON enterprise WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO enterprise_short_search (id, haystack)
    VALUES (new.id, lower(new.name || char(10) || char(10) || new.uscc || char(10) || new.pinyin_initials));
END;
CREATE TRIGGER enterprise_short_search_au AFTER UPDATE ON enterprise BEGIN
    DELETE FROM enterprise_short_search WHERE id = old.id;
    INSERT INTO enterprise_short_search (id, haystack)
    SELECT new.id,
           lower(new.name || char(10) ||
                 COALESCE((SELECT group_concat(name, char(10)) FROM enterprise_former_name WHERE enterprise_id = new.id), '')
                 || char(10) || new.uscc || char(10) || new.pinyin_initials)
    WHERE new.deleted_at IS NULL;
END;
