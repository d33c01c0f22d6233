package io.cirstream.tools.perf;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.opensearch.OpenSearchClient;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the CPU of a measured run went: this JVM (the load generator, and the API where it runs in-process), the
 * OpenSearch node, and the whole host. On a small host a throughput ratio is a contest for cores; these figures say
 * what each side of the ratio cost per request, and whether the host was saturated while it was measured.
 */
final class CpuMeter {

    /** CPU counters at one moment; any counter is negative where the platform does not report it. */
    record Snapshot(long jvmNanos, long openSearchMillis, HostTicks host) {
    }

    /** The host's busy and total jiffies (Linux {@code /proc/stat}, first line). */
    record HostTicks(long busy, long total) {
        static final HostTicks UNKNOWN = new HostTicks(-1, -1);

        /** {@code cpu  user nice system idle iowait irq softirq steal ...}: idle and iowait are the idle ones. */
        static HostTicks parse(String cpuLine) {
            String[] fields = cpuLine.strip().split("\\s+");
            if (fields.length < 5 || !fields[0].equals("cpu")) {
                return UNKNOWN;
            }
            long total = 0;
            long idle = 0;
            // guest and guest_nice (fields 9, 10) are already counted in user and nice.
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new HostTicks(total - idle, total);
        }
    }

    /** Per request: CPU milliseconds of this JVM and of OpenSearch; the host's busy share of the run (0..1). */
    record Use(double jvmMsPerRequest, double openSearchMsPerRequest, double hostBusy) {
        static Use between(Snapshot before, Snapshot after, int requests) {
            double jvm = before.jvmNanos() < 0 || after.jvmNanos() < 0 ? Double.NaN
                    : (after.jvmNanos() - before.jvmNanos()) / 1e6 / requests;
            double openSearch = before.openSearchMillis() < 0 || after.openSearchMillis() < 0 ? Double.NaN
                    : (double) (after.openSearchMillis() - before.openSearchMillis()) / requests;
            long total = after.host().total() - before.host().total();
            double busy = before.host().total() < 0 || after.host().total() < 0 || total <= 0 ? Double.NaN
                    : (double) (after.host().busy() - before.host().busy()) / total;
            return new Use(jvm, openSearch, busy);
        }
    }

    private final LongSupplier jvmNanos;
    private final LongSupplier openSearchMillis;
    private final Supplier<HostTicks> host;

    CpuMeter(LongSupplier jvmNanos, LongSupplier openSearchMillis, Supplier<HostTicks> host) {
        this.jvmNanos = jvmNanos;
        this.openSearchMillis = openSearchMillis;
        this.host = host;
    }

    /** This JVM, the OpenSearch node {@code openSearch} talks to (its {@code process.cpu.total_in_millis}), the host. */
    static CpuMeter of(OpenSearchClient openSearch) {
        return new CpuMeter(CpuMeter::thisJvmNanos, () -> openSearchMillis(openSearch), CpuMeter::hostTicks);
    }

    Snapshot snapshot() {
        return new Snapshot(jvmNanos.getAsLong(), openSearchMillis.getAsLong(), host.get());
    }

    private static long thisJvmNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long openSearchMillis(OpenSearchClient openSearch) {
        JsonNode node = openSearch.call("GET", "/_nodes/_local/stats/process", null).path("nodes").elements().next();
        return node.path("process").path("cpu").path("total_in_millis").asLong(-1);
    }

    private static HostTicks hostTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.findFirst().map(HostTicks::parse).orElse(HostTicks.UNKNOWN);
        } catch (IOException | RuntimeException e) {
            return HostTicks.UNKNOWN;
        }
    }
}
