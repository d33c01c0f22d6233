package io.cirstream.tools.perf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Publish-to-arrival time of ids: registered when sent, timed on their first arrival. Arrivals of ids never sent
 * (or already timed) are ignored, so a repeated event does not count twice. Any thread may call any method.
 */
final class MatchProbe {
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencyNanos = new ConcurrentLinkedQueue<>();

    void sent(String id, long nanos) {
        sentNanos.put(id, nanos);
    }

    void arrived(String id, long nanos) {
        Long sent = sentNanos.remove(id);
        if (sent != null) {
            latencyNanos.add(nanos - sent);
        }
    }

    /** Sent and not arrived yet. */
    int pending() {
        return sentNanos.size();
    }

    long[] latencies() {
        return latencyNanos.stream().mapToLong(Long::longValue).toArray();
    }
}
