package io.cirstream.contract.event;

import io.cirstream.contract.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Records that a stage could not process go to the dead-letter topic with their ORIGINAL key and value
 * bytes (so they can be replayed once the cause is fixed) and four headers saying why, where and from
 * which record. Stages are short lower-case words, e.g. {@code decode}, {@code image}, {@code embed},
 * {@code index}.
 */
public final class DeadLetter {
    public static final String REASON = "cirstream.dlq.reason";
    public static final String STAGE = "cirstream.dlq.stage";
    public static final String SOURCE_TOPIC = "cirstream.dlq.source-topic";
    public static final String SOURCE_OFFSET = "cirstream.dlq.source-offset";
    /** A reason is for humans; a stack-trace-sized one would bloat every dead letter. */
    static final int MAX_REASON_CHARS = 2000;

    /** The readable side of a dead letter's headers. */
    public record Info(String reason, String stage, String sourceTopic, OptionalLong sourceOffset) {
    }

    private DeadLetter() {
    }

    public static ProducerRecord<byte[], byte[]> of(Topics topics, ConsumerRecord<byte[], byte[]> failed,
                                                    String stage, String reason) {
        return of(topics, failed.topic(), failed.offset(), failed.key(), failed.value(), stage, reason);
    }

    public static ProducerRecord<byte[], byte[]> of(Topics topics, String sourceTopic, long sourceOffset,
                                                    byte[] key, byte[] value, String stage, String reason) {
        Headers headers = new RecordHeaders()
                .add(REASON, utf8(truncate(reason)))
                .add(STAGE, utf8(stage))
                .add(SOURCE_TOPIC, utf8(sourceTopic))
                .add(SOURCE_OFFSET, utf8(Long.toString(sourceOffset)));
        return new ProducerRecord<>(topics.deadLetters(), null, key, value, headers);
    }

    public static Optional<String> reason(Headers headers) {
        return text(headers, REASON);
    }

    public static Optional<String> stage(Headers headers) {
        return text(headers, STAGE);
    }

    public static Optional<String> sourceTopic(Headers headers) {
        return text(headers, SOURCE_TOPIC);
    }

    public static OptionalLong sourceOffset(Headers headers) {
        Optional<String> text = text(headers, SOURCE_OFFSET);
        try {
            return text.map(t -> OptionalLong.of(Long.parseLong(t))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Empty when the record carries no dead-letter reason, i.e. did not come from {@link #of}. */
    public static Optional<Info> read(Headers headers) {
        return reason(headers).map(reason -> new Info(reason, stage(headers).orElse(null),
                sourceTopic(headers).orElse(null), sourceOffset(headers)));
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "...";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
