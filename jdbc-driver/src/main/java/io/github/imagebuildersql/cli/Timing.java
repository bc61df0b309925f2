package io.github.imagebuildersql.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * query --timing: one line saying where a run's time went, for the benchmarks: the phases' wall time, and
 * the process's CPU time before the scan and in all, which shows how busy the cores were while it scanned.
 */
final class Timing {
    private Timing() {}

    static void print(PrintWriter err, long connected, long scanStarted, long firstRow, long end, long cpuAtScan) {
        // The JVM's own start time: a process's start instant on Linux is counted from a boot time rounded
        // to the second, so on its own it is up to a second off.
        long jvmToMain = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())
                - (System.nanoTime() - Main.MAIN_NANOS);
        // Re-executed by Launcher: the time also counts the first JVM, up to when it started this one. Both
        // start instants share the rounding, so their difference is exact to the clock tick.
        String launcherStart = System.getProperty(Launcher.STARTED_PROPERTY);
        long launcher = launcherStart == null ? 0 : ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(Instant.ofEpochMilli(Long.parseLong(launcherStart)), start).toNanos())
                .orElse(0L);
        err.println("timing: jvm-start->main " + ms(jvmToMain < 0 ? -1 : jvmToMain + launcher)
                + " (first JVM until the second started: " + ms(launcher) + ")"
                + " | main->connected " + ms(connected - Main.MAIN_NANOS)
                + " | connected->scan-opened (plan, or the kept plan; the accounts to scan) " + ms(scanStarted == 0 ? -1 : scanStarted - connected)
                + " | scan-opened->first-row (SDK clients, credentials, AWS calls) "
                + ms(scanStarted == 0 || firstRow == 0 ? -1 : firstRow - scanStarted)
                + " | first-row->end " + ms(firstRow == 0 ? -1 : end - firstRow)
                + " | process CPU: to scan-opened " + ms(scanStarted == 0 ? -1 : cpuAtScan)
                + ", in all " + ms(processCpuNanos()));
        err.flush();
    }

    /** CPU time of every thread of this process so far, the JVM's own included. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : (nanos / 1_000_000) + " ms";
    }
}
