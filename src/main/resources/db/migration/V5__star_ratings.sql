-- Green-design star ratings: the declaration, the scheme and version used, and the full result.
CREATE TABLE star_rating (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    data_center_id BIGINT        NOT NULL,
    scheme         VARCHAR(64)   NOT NULL,
    scheme_version VARCHAR(32)   NOT NULL,
    stars          TINYINT       NOT NULL,
    score          DECIMAL(6,2)  NOT NULL,
    declaration    TEXT          NOT NULL,
    result         LONGTEXT      NOT NULL,
    rated_at       TIMESTAMP(3)  NOT NULL,
    rated_by       VARCHAR(128)  NOT NULL,
    CONSTRAINT fk_star_rating_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id),
    INDEX ix_star_rating_data_center (data_center_id, rated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
