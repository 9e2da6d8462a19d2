-- Each data center's energy over one 12-month window, so the closure rule at today's window reads one row per
-- site instead of twelve (reporting's WindowTotals). A row holds the sums of the window ending last_period, and
-- every write of the site's reports changes it in the same transaction: it adds its difference when the row is
-- of the writer's window, and otherwise sets last_period to NULL. A row with another last_period, or NULL, is
-- never read as today's sums: its site is summed from the reports, and the row is summed afresh for today's
-- window only if writes has not moved since it was read. No lock spans writers, so this holds with writers on
-- several Galera nodes. Sites with reports start with a NULL row, summed afresh when first asked.
CREATE TABLE energy_window_total (
    data_center_id BIGINT        NOT NULL PRIMARY KEY,
    last_period    DATE          NULL COMMENT 'the last month of the window summed here; NULL: of no window',
    facility_kwh   DECIMAL(22,3) NOT NULL,
    it_kwh         DECIMAL(22,3) NOT NULL,
    months         INT           NOT NULL,
    racks_in_use   INT           NULL COMMENT 'the latest reported in the window',
    racks_period   DATE          NULL COMMENT 'the month of racks_in_use',
    writes         BIGINT        NOT NULL COMMENT 'one more with every write of the site''s reports',
    INDEX ix_energy_window_total_last_period (last_period),
    CONSTRAINT fk_energy_window_total_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO energy_window_total (data_center_id, last_period, facility_kwh, it_kwh, months, writes)
    SELECT data_center_id, NULL, 0, 0, 0, 0 FROM energy_report GROUP BY data_center_id;
