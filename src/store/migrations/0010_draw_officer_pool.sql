-- ecocase migration 10: the officer pool of a 双随机 draw plan (spec/domain.md §4): the certified
-- officers who take part in the pairing. A plan without rows takes every eligible officer in its regions.
CREATE TABLE draw_plan_officer (
    plan_id         INTEGER NOT NULL REFERENCES draw_plan(id),
    user_id         INTEGER NOT NULL REFERENCES user(id),
    PRIMARY KEY (plan_id, user_id)
);
