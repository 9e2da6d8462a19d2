-- The closure rule reads every site's window and its status at the as-of date in one statement; with
-- racks in use in the window index and the status in the status index, both are index-only reads
-- (measured in BENCHMARK.md: a row lookup per site and month was most of the time).
ALTER TABLE energy_report DROP INDEX ix_energy_report_period,
    ADD INDEX ix_energy_report_period (period, data_center_id, facility_kwh, it_kwh, racks_in_use);
ALTER TABLE data_center_status_change DROP INDEX ix_status_change_effective,
    ADD INDEX ix_status_change_effective (data_center_id, effective_on, id, to_status);
