-- ecocase migration 19: the manifest gaps against 部令第23号 and the 固废法 (user_version 18 -> 19).
-- A rejection keeps its reason (a code from a fixed list) and the receiver's explanation; an approval
-- keeps the handling mode it approved (Art. 27, a change needs a new approval: Art. 28); a licence
-- keeps its kind (综合 or 收集), which bounds its term; handling codes of a completed manifest come
-- from a reference list (shipped here, replaced by `ecocase import handling-codes`). The shipped 名录
-- compilation keeps the 名录's "one or more of" hazard sets (T/In) and says what it is.

ALTER TABLE manifest ADD COLUMN reject_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE manifest ADD COLUMN reject_note TEXT NOT NULL DEFAULT '';
CREATE INDEX manifest_follow_up ON manifest(follow_up_of) WHERE follow_up_of IS NOT NULL;

-- Art. 18's clock runs until the decision: overdue receipts include 差异处理中.
DROP INDEX manifest_receipt_overdue;
CREATE INDEX manifest_receipt_overdue ON manifest(state, arrived_at, region_code, receiver_region) WHERE state IN ('awaiting_receipt', 'discrepancy');

ALTER TABLE hw_approval ADD COLUMN handling_mode TEXT NOT NULL DEFAULT ''
    CHECK (handling_mode IN ('', 'store', 'utilize', 'dispose'));

ALTER TABLE hw_licence ADD COLUMN kind TEXT NOT NULL DEFAULT 'comprehensive'
    CHECK (kind IN ('comprehensive', 'collect'));

-- R/D/C codes of the receiver's handling result.
CREATE TABLE hw_handling_code (
    code        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('utilize', 'dispose', 'store')),
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT ''
);
INSERT INTO hw_handling_code (code, kind, name_zh, name_en) VALUES
    ('R1', 'utilize', '作为燃料（直接燃烧除外）或以其他方式产生能量', 'Use as fuel (other than direct incineration) or to generate energy'),
    ('R2', 'utilize', '溶剂回收/再生（如蒸馏、萃取等）', 'Solvent reclamation/regeneration (distillation, extraction)'),
    ('R3', 'utilize', '再循环/再利用不是用作溶剂的有机物', 'Recycling/reclamation of organic substances not used as solvents'),
    ('R4', 'utilize', '再循环/再利用金属和金属化合物', 'Recycling/reclamation of metals and metal compounds'),
    ('R5', 'utilize', '再循环/再利用其他无机物', 'Recycling/reclamation of other inorganic materials'),
    ('R6', 'utilize', '再生酸或碱', 'Regeneration of acids or bases'),
    ('R7', 'utilize', '回收污染减除剂的组分', 'Recovery of components used for pollution abatement'),
    ('R8', 'utilize', '回收催化剂组分', 'Recovery of components from catalysts'),
    ('R9', 'utilize', '废油再提炼或其他废油的再利用', 'Used oil re-refining or other reuses of used oil'),
    ('R15', 'utilize', '其他利用方式', 'Other utilisation'),
    ('D1', 'dispose', '填埋', 'Landfill'),
    ('D9', 'dispose', '物理化学处理（如蒸发、干燥、中和、沉淀等），不包括填埋或焚烧前的预处理', 'Physico-chemical treatment (evaporation, drying, neutralisation, precipitation), not pre-treatment before landfill or incineration'),
    ('D10', 'dispose', '焚烧', 'Incineration'),
    ('D16', 'dispose', '其他处置方式', 'Other disposal'),
    ('C1', 'dispose', '水泥窑协同处置', 'Co-processing in cement kilns'),
    ('C2', 'utilize', '生产建筑材料', 'Production of building materials'),
    ('C3', 'utilize', '清洗（包装容器）', 'Cleaning (packaging containers)');

-- The nine codes whose characteristics the 名录 lists as alternatives (one or more apply).
UPDATE waste_code SET hazard = CASE code
        WHEN '336-064-17' THEN 'T/C'
        WHEN '309-001-49' THEN 'C/R'
        WHEN '772-006-49' THEN 'T/In'
        WHEN '900-041-49' THEN 'T/In'
        WHEN '900-042-49' THEN 'T/C/I/R/In'
        ELSE 'T/C/I/R' END
    WHERE code IN ('841-004-01', '900-017-14', '336-064-17', '309-001-49', '772-006-49', '900-041-49',
        '900-042-49', '900-047-49', '900-999-49')
      AND edition_id IN (SELECT id FROM waste_edition WHERE official = 0
        AND label = '国家危险废物名录（2025 版，非官方整理）');
UPDATE waste_edition SET label = '危险废物名录（非官方整理，版本待确认）'
    WHERE official = 0 AND label = '国家危险废物名录（2025 版，非官方整理）';
