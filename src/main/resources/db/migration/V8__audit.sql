-- Audit trail: every write that succeeded, who made it (subject, organization, roles), when, what
-- (method, path, status) and under which request id; linked to the data centers it touched.
CREATE TABLE audit_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    request_id    VARCHAR(64)   NOT NULL,
    subject       VARCHAR(128)  NOT NULL,
    organization  VARCHAR(32)   NULL,
    roles         VARCHAR(100)  NOT NULL,
    method        VARCHAR(8)    NOT NULL,
    path          VARCHAR(500)  NOT NULL,
    status        INT           NOT NULL,
    INDEX ix_audit_event_occurred (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_event_data_center (
    event_id         BIGINT       NOT NULL,
    data_center_code VARCHAR(32)  NOT NULL,
    PRIMARY KEY (data_center_code, event_id),
    CONSTRAINT fk_audit_event_data_center FOREIGN KEY (event_id) REFERENCES audit_event (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
