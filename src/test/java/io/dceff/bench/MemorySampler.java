package io.dceff.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's memory while the benchmark runs: used heap from its Prometheus metrics and resident
 * memory from /proc, sampled every 250 ms; the peak resident size also from the kernel's high-water mark.
 */
final class MemorySampler {

    private final HttpClient http;
    private final URI metrics;
    private final long pid;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss;
    private volatile long lastHeap;
    private Thread thread;

    MemorySampler(HttpClient http, String base, long pid) {
        this.http = http;
        this.metrics = URI.create(base + "/q/metrics");
        this.pid = pid;
    }

    void start() {
        thread = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2000);
        }
    }

    long peakHeap() {
        return peakHeap;
    }

    long peakRss() {
        return Math.max(peakRss, status("VmHWM:"));
    }

    long heapNow() {
        sample();
        return lastHeap;
    }

    Map<String, Object> summary(Process service) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peakHeapUsedMB", Benchmark.mb(peakHeap));
        m.put("peakResidentMB", Benchmark.mb(peakRss()));
        m.put("sampledEveryMs", 250);
        return m;
    }

    private void sample() {
        try {
            String text = http.send(
                            HttpRequest.newBuilder(metrics)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            long heap = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            lastHeap = heap;
            peakHeap = Math.max(peakHeap, heap);
        } catch (Exception ignored) {
            // the service is busy or stopping: the next sample counts
        }
        peakRss = Math.max(peakRss, status("VmRSS:"));
    }

    private long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
                    .findFirst()
                    .orElse(0L);
        } catch (Exception e) {
            return 0;
        }
    }
}
