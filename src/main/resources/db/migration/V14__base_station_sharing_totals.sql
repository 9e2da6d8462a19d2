-- A year's new base stations and how many of them are shared, per carrier and district. Every batch of base
-- stations adjusts these counts in its own transaction (a new site adds itself to its bucket; a changed one
-- moves from its old bucket to its new), so sharing rates by year read a few hundred rows rather than scanning
-- a year of millions of stations. The counts start from the stations already stored.
CREATE TABLE base_station_sharing_total (
    carrier_code  VARCHAR(32) NOT NULL,
    built_year    SMALLINT    NOT NULL,
    district_code CHAR(6)     NOT NULL,
    new_builds    BIGINT      NOT NULL,
    shared        BIGINT      NOT NULL,
    PRIMARY KEY (carrier_code, built_year, district_code),
    INDEX ix_sharing_total_year (built_year, district_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO base_station_sharing_total (carrier_code, built_year, district_code, new_builds, shared)
SELECT carrier_code, YEAR(built_on), district_code, COUNT(*), SUM(shared)
FROM base_station
GROUP BY carrier_code, YEAR(built_on), district_code;
