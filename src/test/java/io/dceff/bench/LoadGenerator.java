package io.dceff.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: N clients call as fast as answers come, for a time; latencies and statuses kept. */
final class LoadGenerator {

    /** One call: returns its HTTP status. */
    interface Call {
        int call(long sequence) throws Exception;
    }

    record Result(
            int clients,
            long calls,
            double seconds,
            double perSecond,
            double medianMs,
            double p95Ms,
            double p99Ms,
            Map<Integer, Long> statuses) {}

    static Result run(int clients, double seconds, Call call) throws Exception {
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        List<Map<Integer, Long>> statusCounts = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Map<Integer, Long> statuses = new TreeMap<>();
            statusCounts.add(statuses);
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = call.call(sequence.getAndIncrement());
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - t0;
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                    statuses.merge(status, 1L, Long::sum);
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double took = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<Integer, Long> statuses = new TreeMap<>();
        statusCounts.forEach(m -> m.forEach((k, v) -> statuses.merge(k, v, Long::sum)));
        return new Result(
                clients,
                merged.length,
                took,
                merged.length / took,
                percentile(merged, 50),
                percentile(merged, 95),
                percentile(merged, 99),
                statuses);
    }

    /** Nearest-rank percentile in milliseconds of sorted nanosecond values. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
