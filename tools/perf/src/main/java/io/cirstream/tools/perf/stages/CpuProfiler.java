package io.cirstream.tools.perf.stages;

import one.profiler.AsyncProfiler;
import one.profiler.Counter;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU samples of this whole JVM through async-profiler's {@code itimer} mode: the kernel's process CPU timer fires
 * after {@code interval} of CPU spent by any thread (ONNX Runtime's native pool, the GC and the JIT included), and
 * the thread running then is sampled. {@code itimer} needs no perf_events permission, which VMs and containers often
 * withhold.
 *
 * <p>A sample does not stand for one interval of CPU: the kernel checks CPU timers only at its scheduler tick (250 Hz
 * on the project's VM), so at a 1 ms interval it fires at most once per tick and core, and a busy JVM got about one
 * sample per 5 ms of CPU. The samples give each stage's share; what they are worth comes from the process CPU time the
 * OS counted over the same window, which is exact.
 */
public final class CpuProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final AsyncProfiler profiler;
    private final long cpuAtStart;

    private CpuProfiler(AsyncProfiler profiler, long cpuAtStart) {
        this.profiler = profiler;
        this.cpuAtStart = cpuAtStart;
    }

    public static CpuProfiler start(Duration interval) {
        AsyncProfiler profiler = AsyncProfiler.getInstance();
        try {
            profiler.execute("start,event=itimer,threads,interval=" + interval.toNanos());
        } catch (Exception e) {
            throw new IllegalStateException("async-profiler did not start: " + e.getMessage(), e);
        }
        return new CpuProfiler(profiler, OS.getProcessCpuTime());
    }

    /** Stops sampling; the stacks (root first, thread name as the root frame) with their sample counts. */
    public Samples stop() {
        profiler.stop();
        Duration cpu = Duration.ofNanos(OS.getProcessCpuTime() - cpuAtStart);
        Map<String, Long> stacks = new HashMap<>();
        for (String line : profiler.dumpCollapsed(Counter.SAMPLES).split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                stacks.merge(line.substring(0, space), Long.parseLong(line.substring(space + 1).strip()), Long::sum);
            }
        }
        return new Samples(stacks, cpu);
    }

    /** Collapsed stacks, and the CPU time the whole process spent while they were sampled. */
    public record Samples(Map<String, Long> stacks, Duration processCpu) {
        public Samples {
            stacks = Map.copyOf(stacks);
        }

        public long total() {
            return stacks.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The CPU microseconds one sample stands for: its share of the process CPU. */
        public double microsPerSample() {
            long total = total();
            return total == 0 ? 0 : processCpu.toNanos() / 1_000.0 / total;
        }
    }
}
