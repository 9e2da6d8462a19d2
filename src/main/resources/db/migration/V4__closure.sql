-- Closure assessments (frozen runs of the rule) and regulators' decisions on candidates.
CREATE TABLE assessment (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    as_of         DATE         NOT NULL,
    window_first  DATE         NOT NULL,
    window_last   DATE         NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    candidates    INT          NOT NULL,
    no_data       INT          NOT NULL,
    -- the whole answer as it was given: thresholds, factors, every item with its evidence
    result        LONGTEXT     NOT NULL,
    -- the report revisions it used: one "dataCenterId:YYYY-MM:revision" per line
    revisions     LONGTEXT     NOT NULL,
    INDEX ix_assessment_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the sites an assessment listed, for the closure-progress target
CREATE TABLE assessment_item (
    assessment_id  BIGINT      NOT NULL,
    data_center_id BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    PRIMARY KEY (assessment_id, data_center_id),
    CONSTRAINT fk_assessment_item_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_assessment_item_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE closure_decision (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    data_center_id   BIGINT        NOT NULL,
    action           VARCHAR(16)   NOT NULL,
    receiving_id     BIGINT        NULL,
    decided_on       DATE          NOT NULL,
    due_on           DATE          NULL,
    completed_on     DATE          NULL,
    assessment_id    BIGINT        NULL,
    note             VARCHAR(1000) NULL,
    recorded_at      TIMESTAMP(3)  NOT NULL,
    recorded_by      VARCHAR(128)  NOT NULL,
    CONSTRAINT fk_decision_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id),
    CONSTRAINT fk_decision_receiving FOREIGN KEY (receiving_id) REFERENCES data_center (id),
    CONSTRAINT fk_decision_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT ck_decision_action CHECK (action IN ('CLOSE', 'MERGE', 'CONVERT', 'RETIRE')),
    INDEX ix_decision_data_center (data_center_id, recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
