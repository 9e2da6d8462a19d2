-- Base stations reported by carriers, one row per (carrier, site id); a report of a known site updates it.
CREATE TABLE base_station (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    carrier_code  VARCHAR(32)  NOT NULL,
    site_id       VARCHAR(64)  NOT NULL,
    district_code CHAR(6)      NOT NULL,
    technology    VARCHAR(16)  NOT NULL,
    built_on      DATE         NOT NULL,
    shared_with   VARCHAR(300) NOT NULL DEFAULT '' COMMENT 'codes of the other carriers on the site, ; separated, sorted',
    shared        BOOLEAN      NOT NULL,
    reported_at   TIMESTAMP(3) NOT NULL,
    reported_by   VARCHAR(128) NOT NULL,
    CONSTRAINT uk_base_station_site UNIQUE (carrier_code, site_id),
    CONSTRAINT fk_base_station_carrier FOREIGN KEY (carrier_code) REFERENCES organization (code),
    CONSTRAINT fk_base_station_district FOREIGN KEY (district_code) REFERENCES district (code),
    -- the sharing rates group a year's new builds by district or carrier
    INDEX ix_base_station_built (built_on, district_code, shared),
    INDEX ix_base_station_carrier_built (carrier_code, built_on, shared)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
