-- Data-quality flags as a SET of exactly reporting's QualityFlag values, in their order (QualityFlag.toColumn and
-- fromColumn are the one mapping; QualityFlagColumnTest fails when the two drift apart). The VARCHAR took any text;
-- a SET takes only its members, and in strict mode (MariaDB's default) a statement with any other name fails instead
-- of storing it. The comma-separated names already stored are the SET's own text form, so MODIFY converts every row
-- as it is, and a row holding anything else stops the migration rather than losing a flag. Plain DDL, which Galera
-- applies on every node in the same order.
ALTER TABLE energy_report
    MODIFY quality_flags SET('PUE_ABOVE_3', 'PUE_JUMP', 'IT_ABOVE_RACK_CAPACITY', 'GAP_BEFORE') NOT NULL DEFAULT '';

ALTER TABLE energy_report_revision
    MODIFY quality_flags SET('PUE_ABOVE_3', 'PUE_JUMP', 'IT_ABOVE_RACK_CAPACITY', 'GAP_BEFORE') NOT NULL DEFAULT '';
