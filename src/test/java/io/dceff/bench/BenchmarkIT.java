package io.dceff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark end to end at a small scale, to keep it working; no timing is asserted. */
class BenchmarkIT {

    @Test
    void theBenchmarkRunsEndToEndAndReportsEveryFigure() throws Exception {
        Path out = Path.of("target", "bench-it");
        Benchmark.Settings settings = new Benchmark.Settings(
                1_000, 24, 20_000, 4, 7L, 2, 4, 2, 3, 3, 20, "128M", "512m", out, null, null, null, 6, 0.25, "384m",
                3_000);
        Map<String, Object> results = new Benchmark(settings).run();

        assertThat(results)
                .doesNotContainKey("error")
                .containsKeys(
                        "reportIngest",
                        "stationIngest",
                        "sharingRates",
                        "closureCandidates",
                        "pueTrend",
                        "singleReportPost",
                        "soak",
                        "memory");
        Map<?, ?> closure = (Map<?, ?>) results.get("closureCandidates");
        assertThat(closure.get("candidatesByService").toString())
                .as("the service and the hand-written query find the same candidates")
                .isEqualTo(closure.get("candidatesByRawQuery").toString());
        assertThat(Integer.parseInt(closure.get("candidatesByRawQuery").toString()))
                .isPositive();
        assertThat((List<?>) ((Map<?, ?>) results.get("reportIngest")).get("rounds"))
                .as("24 months in slices of 6")
                .hasSize(4);
        assertThat((List<?>) ((Map<?, ?>) results.get("stationIngest")).get("rounds"))
                .as("a round per carrier")
                .hasSize(4);
        assertThat(((Map<?, ?>) ((Map<?, ?>) results.get("reportIngest")).get("rowsPerSecond"))
                        .keySet()
                        .toString())
                .contains("SERVICE", "BATCH_1", "BATCH_4", "LOAD_4");
        assertThat((List<?>) results.get("rawClosureExplain"))
                .as("the raw query's plan")
                .hasSizeGreaterThan(1);
        assertThat(((Map<?, ?>) results.get("heapSearch")).keySet().toString()).isEqualTo("[384m]");
        assertThat(((LoadGenerator.Result) results.get("singleReportPost")).statuses())
                .containsOnlyKeys(201);
        assertThat(((LoadGenerator.Result) results.get("pueTrend")).statuses()).containsOnlyKeys(200);
        assertThat(((Map<?, ?>) results.get("soak")).get("errors")).isEqualTo(0L);
        assertThat((Long) ((Map<?, ?>) results.get("memory")).get("peakHeapUsedMB"))
                .isPositive();
        assertThat((Long) ((Map<?, ?>) results.get("memory")).get("liveHeapAfterFullGcMB"))
                .isPositive();
        assertThat(Files.readString(out.resolve("results.md")))
                .contains(
                        "Report ingest",
                        "Base-station ingest",
                        "Closure candidates",
                        "PUE trend",
                        "Single report POST",
                        "Soak",
                        "live after a full GC",
                        "Smallest -Xmx");
    }
}
