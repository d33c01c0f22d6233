package io.cirstream.tools.perf.stages;

import one.profiler.AsyncProfiler;
import one.profiler.Counter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU samples of this whole JVM through async-profiler's {@code itimer} mode: the kernel's process CPU timer fires
 * every {@code interval} of CPU spent by any thread (ONNX Runtime's native pool, the GC and the JIT included), so
 * each sample stands for one interval of CPU time. {@code itimer} needs no perf_events permission, which VMs and
 * containers often withhold.
 */
public final class CpuProfiler {
    private final AsyncProfiler profiler;
    private final Duration interval;

    private CpuProfiler(AsyncProfiler profiler, Duration interval) {
        this.profiler = profiler;
        this.interval = interval;
    }

    public static CpuProfiler start(Duration interval) {
        AsyncProfiler profiler = AsyncProfiler.getInstance();
        try {
            profiler.execute("start,event=itimer,threads,interval=" + interval.toNanos());
        } catch (Exception e) {
            throw new IllegalStateException("async-profiler did not start: " + e.getMessage(), e);
        }
        return new CpuProfiler(profiler, interval);
    }

    /** Stops sampling; the stacks (root first, thread name as the root frame) with their sample counts. */
    public Samples stop() {
        profiler.stop();
        Map<String, Long> stacks = new HashMap<>();
        for (String line : profiler.dumpCollapsed(Counter.SAMPLES).split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                stacks.merge(line.substring(0, space), Long.parseLong(line.substring(space + 1).strip()), Long::sum);
            }
        }
        return new Samples(stacks, interval);
    }

    /** Collapsed stacks and what one sample is worth. */
    public record Samples(Map<String, Long> stacks, Duration interval) {
        public Samples {
            stacks = Map.copyOf(stacks);
        }

        public long total() {
            return stacks.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
