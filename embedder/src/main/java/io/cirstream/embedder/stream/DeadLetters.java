package io.cirstream.embedder.stream;

import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.event.DeadLetter;
import org.apache.kafka.streams.processor.api.Record;

/** Builds the dead-letter record a processor forwards to the DLQ sink: original bytes plus reason and stage. */
final class DeadLetters {
    private static final Topics ANY = Topics.defaults();

    private DeadLetters() {
    }

    /** {@code nowMs} is the processing wall clock, the ceiling of the letter's timestamp ({@link OutputTimestamp}). */
    static Record<byte[], byte[]> of(String sourceTopic, long sourceOffset, byte[] key, byte[] value, long timestamp,
                                     long nowMs, RejectedException rejection) {
        // Only the headers are used: the DLQ sink node decides the topic.
        var letter = DeadLetter.of(ANY, sourceTopic, sourceOffset, key, value, rejection.stage().label(),
                String.valueOf(rejection.getMessage()));
        return new Record<>(key, value, OutputTimestamp.of(timestamp, nowMs), letter.headers());
    }

    static Record<byte[], byte[]> of(PendingRecord pending, long nowMs, RejectedException rejection) {
        return of(pending.sourceTopic(), pending.sourceOffset(), pending.key(), pending.value(), pending.timestamp(),
                nowMs, rejection);
    }
}
