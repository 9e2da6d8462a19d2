package io.dceff.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU went while a measure ran, from /proc: the service's, MariaDB's and the benchmark's own
 * (the load generator) CPU time, everything else the machine did ("foreign"), and the load average before
 * and after. A measure taken while foreign processes held the CPUs is not a measure of dceff.
 */
final class CpuMeter {

    /** Jiffies per second (USER_HZ): 100 on every Linux build this runs on. */
    private static final double HZ = 100.0;

    private final long[] pids;
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** @param pids the processes of the benchmark: itself, the service, MariaDB (0 when unknown) */
    CpuMeter(long... pids) {
        this.pids = pids;
    }

    record Snapshot(long nanos, long machineBusy, long[] processes, double load1) {}

    /** What happened between two snapshots. */
    record Usage(
            double seconds,
            double benchCpu,
            double serviceCpu,
            double databaseCpu,
            double foreignShare,
            double load1Before,
            double load1After) {

        /** CPU microseconds per row of a process's seconds. */
        static double microsPerRow(double cpuSeconds, long rows) {
            return rows == 0 ? 0 : cpuSeconds * 1e6 / rows;
        }

        Map<String, Object> describe(long rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seconds", round(seconds));
            if (rows > 0) {
                m.put("serviceCpuMicrosPerRow", round(microsPerRow(serviceCpu, rows)));
                m.put("databaseCpuMicrosPerRow", round(microsPerRow(databaseCpu, rows)));
                m.put("benchCpuMicrosPerRow", round(microsPerRow(benchCpu, rows)));
            }
            m.put(
                    "benchCpuShare",
                    round(benchCpu / seconds / Runtime.getRuntime().availableProcessors()));
            m.put("foreignCpuShare", round(foreignShare));
            m.put("load1Before", load1Before);
            m.put("load1After", load1After);
            return m;
        }
    }

    Snapshot snapshot() {
        long[] cpu = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            cpu[i] = processJiffies(pids[i]);
        }
        return new Snapshot(System.nanoTime(), machineBusyJiffies(), cpu, load1());
    }

    Usage between(Snapshot before, Snapshot after) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        double[] own = new double[pids.length];
        double ownTotal = 0;
        for (int i = 0; i < pids.length; i++) {
            own[i] = (after.processes()[i] - before.processes()[i]) / HZ;
            ownTotal += own[i];
        }
        double busy = (after.machineBusy() - before.machineBusy()) / HZ;
        double foreign = Math.max(0, busy - ownTotal) / Math.max(1e-9, seconds * cores);
        return new Usage(
                seconds,
                own.length > 0 ? own[0] : 0,
                own.length > 1 ? own[1] : 0,
                own.length > 2 ? own[2] : 0,
                foreign,
                before.load1(),
                after.load1());
    }

    /** The 1-minute load average. */
    static double load1() {
        try {
            return Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** Busy jiffies of the whole machine: everything but idle and I/O wait. */
    private static long machineBusyJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            return total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
        } catch (Exception e) {
            return 0;
        }
    }

    /** User and system jiffies of a process (fields 14 and 15 of /proc/pid/stat), its threads included. */
    static long processJiffies(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
