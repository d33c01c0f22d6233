package io.cirstream.eval.live;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Times consecutive stages of a run: each {@link #lap} closes the stage that began at the previous one. */
public final class StageClock {
    private final Map<String, Duration> laps = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private long lapStarted = started;

    /** Ends the current stage under {@code name} and returns how long it took. */
    public Duration lap(String name) {
        long now = System.nanoTime();
        Duration took = Duration.ofNanos(now - lapStarted);
        laps.merge(name, took, Duration::plus);
        lapStarted = now;
        return took;
    }

    /** The stages so far, in order. */
    public Map<String, Duration> laps() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(laps));
    }

    public Duration total() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
