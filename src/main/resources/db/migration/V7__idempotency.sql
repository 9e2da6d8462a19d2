-- Idempotent retries: the first answer to a POST with an Idempotency-Key, replayed to a retry with the
-- same key and body. A row without a status is a request still being processed. Kept 24 hours.
CREATE TABLE idempotency_key (
    subject        VARCHAR(128)  NOT NULL COMMENT 'the caller (token subject): keys are per caller',
    idem_key       VARCHAR(255)  NOT NULL,
    endpoint       VARCHAR(300)  NOT NULL COMMENT 'method and path the key was first used on',
    request_hash   CHAR(64)      NOT NULL COMMENT 'SHA-256 of the request body',
    status         INT           NULL,
    location       VARCHAR(500)  NULL,
    body           LONGTEXT      NULL,
    created_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (subject, idem_key),
    INDEX ix_idempotency_key_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
