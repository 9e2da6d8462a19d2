-- The closure rule's 12-month window, summed per data center and kept up to date inside every report's
-- and correction's transaction (reporting's WindowTotals), so the rule at the current window reads one
-- row per site instead of twelve. energy_window names the one window the totals are for: a one-month
-- window of 1900 until the first question about the current window builds them. Every report write holds
-- this row shared from before its first lock on energy_report; a rebuild holds it exclusively.
CREATE TABLE energy_window (
    id           TINYINT NOT NULL PRIMARY KEY,
    first_period DATE    NOT NULL,
    last_period  DATE    NOT NULL,
    built_at     TIMESTAMP(3) NOT NULL,
    CONSTRAINT ck_energy_window_single CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE energy_window_total (
    data_center_id BIGINT        NOT NULL PRIMARY KEY,
    facility_kwh   DECIMAL(22,3) NOT NULL,
    it_kwh         DECIMAL(22,3) NOT NULL,
    months         INT           NOT NULL,
    racks_in_use   INT           NULL COMMENT 'the latest reported in the window',
    racks_period   DATE          NULL COMMENT 'the month of racks_in_use',
    CONSTRAINT fk_energy_window_total_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO energy_window (id, first_period, last_period, built_at) VALUES (1, '1900-01-01', '1900-01-01', NOW(3));
