-- A zero-carbon certification has a date, so that a target counts it from that day on and never before
-- (DESIGN.md, Targets: "certified zero-carbon on or before the measuring date"). zero_carbon stays, true
-- exactly when there is a date.
ALTER TABLE data_center ADD COLUMN zero_carbon_certified_on DATE NULL AFTER zero_carbon;

-- Sample data (registered by the sample-data loader): the date fixtures/data-centers.csv now gives, the first
-- anniversary of commissioning on or after the plan's start (2022-07-01).
UPDATE data_center d
SET d.zero_carbon_certified_on = LEAST(CURRENT_DATE, d.commissioned_on + INTERVAL GREATEST(1,
        2022 - YEAR(d.commissioned_on) + IF(DATE_FORMAT(d.commissioned_on, '%m-%d') < '07-01', 1, 0)) YEAR)
WHERE d.zero_carbon
  AND EXISTS (SELECT 1 FROM data_center_status_change s WHERE s.data_center_id = d.id AND s.changed_by = 'sample-data');

-- Anything else flagged zero-carbon: the day its record last changed, the latest day the flag was certainly
-- on record, so that no earlier year counts a certification it may not have had.
UPDATE data_center SET zero_carbon_certified_on = DATE(updated_at)
WHERE zero_carbon AND zero_carbon_certified_on IS NULL;

ALTER TABLE data_center ADD CONSTRAINT ck_data_center_zero_carbon
    CHECK (zero_carbon = (zero_carbon_certified_on IS NOT NULL));
