package io.dceff.stations;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The sharing counts kept per (carrier, year built, district) never differ from the stations: after random
 * batches that add sites and move known ones between years, districts and shared or not (a fixed seed, so a
 * failure repeats), and after two carriers' batches run side by side; and the sharing endpoints answer the same
 * as counting the stations.
 */
@QuarkusTest
class SharingTotalsTest {

    private static final List<String> DISTRICTS = List.of("310101", "310104", "310115");

    @Inject
    Jdbc jdbc;

    private Map<String, String> kept(String carrier) {
        Map<String, String> kept = new TreeMap<>();
        jdbc.query(
                "SELECT built_year, district_code, new_builds, shared FROM base_station_sharing_total"
                        + " WHERE carrier_code = ? AND new_builds <> 0",
                List.of(carrier),
                rs -> kept.put(
                        rs.getInt("built_year") + "/" + rs.getString("district_code"),
                        rs.getLong("new_builds") + "/" + rs.getLong("shared")));
        return kept;
    }

    private Map<String, String> counted(String carrier) {
        Map<String, String> counted = new TreeMap<>();
        jdbc.query(
                "SELECT YEAR(built_on) AS built_year, district_code, COUNT(*) AS new_builds, SUM(shared) AS shared"
                        + " FROM base_station WHERE carrier_code = ? GROUP BY YEAR(built_on), district_code",
                List.of(carrier),
                rs -> counted.put(
                        rs.getInt("built_year") + "/" + rs.getString("district_code"),
                        rs.getLong("new_builds") + "/" + rs.getLong("shared")));
        return counted;
    }

    private static List<Map<String, Object>> randomBatch(SplittableRandom random, String partner, int sites) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int site = 0; site < sites; site++) {
            if (random.nextInt(3) == 0) {
                continue; // this site is not in this batch
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("siteId", "S-" + site);
            row.put("district", DISTRICTS.get(random.nextInt(DISTRICTS.size())));
            row.put("technology", random.nextBoolean() ? "4G" : "5G");
            row.put(
                    "builtOn",
                    LocalDate.of(2022 + random.nextInt(3), 1 + random.nextInt(12), 1)
                            .toString());
            row.put("sharedWith", random.nextBoolean() ? List.of(partner) : List.of());
            rows.add(row);
        }
        return rows;
    }

    private static void post(String carrier, List<Map<String, Object>> rows) {
        as(TestTokens.carrier(carrier))
                .body(rows)
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
    }

    @Test
    void keptCountsEqualTheStationsAfterRandomBatches() {
        String carrier = createOrganization("CARRIER");
        String partner = createOrganization("CARRIER");
        SplittableRandom random = new SplittableRandom(20261127);
        for (int batch = 0; batch < 12; batch++) {
            post(carrier, randomBatch(random, partner, 40));
            assertThat(kept(carrier)).as("after batch %d", batch).isEqualTo(counted(carrier));
        }
        assertThat(counted(carrier)).as("the batches reached several buckets").hasSizeGreaterThan(4);

        // the endpoints read the kept counts: they give what counting the stations gives
        Map<String, Long> newBuilds = new TreeMap<>();
        Map<String, Long> shared = new TreeMap<>();
        jdbc.query(
                "SELECT district_code, COUNT(*) AS new_builds, SUM(shared) AS shared FROM base_station"
                        + " WHERE carrier_code = ? AND YEAR(built_on) = 2023 GROUP BY district_code",
                List.of(carrier),
                rs -> {
                    newBuilds.put(rs.getString("district_code"), rs.getLong("new_builds"));
                    shared.put(rs.getString("district_code"), rs.getLong("shared"));
                });
        var answer = as(TestTokens.carrier(carrier))
                .get("/api/v1/base-stations/sharing?year=2023&groupBy=district")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(answer.getList("items.key", String.class)).containsExactlyElementsOf(newBuilds.keySet());
        assertThat(answer.getList("items.newBuilds", Long.class)).containsExactlyElementsOf(newBuilds.values());
        assertThat(answer.getList("items.shared", Long.class)).containsExactlyElementsOf(shared.values());
        assertThat(answer.getLong("overall.newBuilds"))
                .isEqualTo(
                        newBuilds.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void batchesOfTwoCarriersSideBySideKeepEachCarriersCounts() throws Exception {
        String first = createOrganization("CARRIER");
        String second = createOrganization("CARRIER");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String carrier : List.of(first, second)) {
                String partner = carrier.equals(first) ? second : first;
                SplittableRandom random = new SplittableRandom(carrier.hashCode());
                runs.add(pool.submit(() -> {
                    for (int batch = 0; batch < 6; batch++) {
                        post(carrier, randomBatch(random, partner, 60));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(kept(first)).isEqualTo(counted(first)).isNotEmpty();
        assertThat(kept(second)).isEqualTo(counted(second)).isNotEmpty();
    }
}
