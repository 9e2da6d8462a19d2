-- Energy reports: the latest revision of each data center and month in energy_report, every revision
-- (including the latest) in energy_report_revision, which is append-only.
CREATE TABLE report_batch (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submitted_at  TIMESTAMP(3) NOT NULL,
    submitted_by  VARCHAR(128) NOT NULL,
    organization  VARCHAR(32)  NULL,
    format        VARCHAR(8)   NOT NULL,
    row_count     INT          NOT NULL,
    data_centers  INT          NOT NULL,
    first_period  DATE         NULL,
    last_period   DATE         NULL,
    flagged       INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE energy_report (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    data_center_id BIGINT        NOT NULL,
    period         DATE          NOT NULL COMMENT 'first day of the reported month',
    revision       INT           NOT NULL,
    facility_kwh   DECIMAL(18,3) NOT NULL,
    it_kwh         DECIMAL(18,3) NOT NULL,
    renewable_kwh  DECIMAL(18,3) NULL,
    reused_kwh     DECIMAL(18,3) NULL,
    water_m3       DECIMAL(15,3) NULL,
    racks_in_use   INT           NULL,
    pue_category   TINYINT       NULL,
    quality_flags  VARCHAR(200)  NOT NULL DEFAULT '',
    submitted_at   TIMESTAMP(3)  NOT NULL,
    submitted_by   VARCHAR(128)  NOT NULL,
    batch_id       BIGINT        NULL,
    CONSTRAINT uk_energy_report_month UNIQUE (data_center_id, period),
    CONSTRAINT fk_energy_report_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id),
    CONSTRAINT ck_energy_report_it CHECK (it_kwh > 0),
    CONSTRAINT ck_energy_report_facility CHECK (facility_kwh >= it_kwh),
    -- covering index for the window sums of the closure rule and the targets: one range scan by month
    INDEX ix_energy_report_period (period, data_center_id, facility_kwh, it_kwh)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE energy_report_revision (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    data_center_id BIGINT        NOT NULL,
    period         DATE          NOT NULL,
    revision       INT           NOT NULL,
    facility_kwh   DECIMAL(18,3) NOT NULL,
    it_kwh         DECIMAL(18,3) NOT NULL,
    renewable_kwh  DECIMAL(18,3) NULL,
    reused_kwh     DECIMAL(18,3) NULL,
    water_m3       DECIMAL(15,3) NULL,
    racks_in_use   INT           NULL,
    pue_category   TINYINT       NULL,
    quality_flags  VARCHAR(200)  NOT NULL DEFAULT '',
    submitted_at   TIMESTAMP(3)  NOT NULL,
    submitted_by   VARCHAR(128)  NOT NULL,
    batch_id       BIGINT        NULL,
    note           VARCHAR(1000) NULL,
    CONSTRAINT uk_energy_report_revision UNIQUE (data_center_id, period, revision),
    INDEX ix_energy_report_revision_batch (batch_id),
    CONSTRAINT fk_energy_report_revision_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
