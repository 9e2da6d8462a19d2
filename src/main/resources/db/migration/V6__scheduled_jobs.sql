-- Scheduled work runs once per cluster: the first replica to insert (job, period) holds a lease on it;
-- the others see the row and skip. A lease whose holder died before finishing can be taken over once it
-- has expired. A plain row, not GET_LOCK: it replicates through Galera like any other write.
CREATE TABLE job_run (
    job            VARCHAR(64)   NOT NULL,
    period         CHAR(7)       NOT NULL COMMENT 'the month the run is for, YYYY-MM',
    instance       VARCHAR(128)  NOT NULL COMMENT 'the replica holding or having held the lease',
    claimed_until  TIMESTAMP(3)  NOT NULL,
    started_at     TIMESTAMP(3)  NOT NULL,
    finished_at    TIMESTAMP(3)  NULL,
    attempts       INT           NOT NULL DEFAULT 1,
    outcome        VARCHAR(500)  NULL,
    PRIMARY KEY (job, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A reminder to an operator whose operating data center has not reported a month by its due day.
CREATE TABLE reporting_reminder (
    data_center_id BIGINT        NOT NULL,
    period         DATE          NOT NULL COMMENT 'first day of the missing month',
    operator_code  VARCHAR(32)   NOT NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (data_center_id, period),
    INDEX ix_reporting_reminder_period (period, operator_code),
    CONSTRAINT fk_reporting_reminder_dc FOREIGN KEY (data_center_id) REFERENCES data_center (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
