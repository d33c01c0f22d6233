package io.cirstream.embedder.stream;

/**
 * The timestamp of every record the topology writes ({@code vectors} and {@code gallery.dlq}): the source gallery
 * record's timestamp clamped to [0, now]. The broker already accepted that timestamp on the gallery topic, and
 * clamping it to the processing wall clock removes any future part, so no client value (an event time of
 * {@code Long.MAX_VALUE}, a producer clock running ahead) can make the broker refuse the record
 * ({@code message.timestamp.after.max.ms}). The event time travels in the value, where the sink takes it as the
 * document's external version.
 */
final class OutputTimestamp {

    private OutputTimestamp() {
    }

    static long of(long sourceTimestamp, long nowMs) {
        return Math.max(0, Math.min(sourceTimestamp, nowMs));
    }
}
