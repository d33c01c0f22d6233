package io.cirstream.contract.event;

import io.cirstream.contract.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest {

    @Test
    void keepsOriginalBytesAndExplainsWhy() {
        byte[] key = "img-1".getBytes(StandardCharsets.UTF_8);
        byte[] value = {1, 2, 3, (byte) 0xff};
        ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>("gallery", 2, 41L, key, value);

        ProducerRecord<byte[], byte[]> letter = DeadLetter.of(Topics.defaults(), failed, "decode",
                "malformed event: field 'image.inline': not valid base64 — é");

        assertThat(letter.topic()).isEqualTo("gallery.dlq");
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(DeadLetter.read(letter.headers())).hasValueSatisfying(info -> {
            assertThat(info.reason()).isEqualTo("malformed event: field 'image.inline': not valid base64 — é");
            assertThat(info.stage()).isEqualTo("decode");
            assertThat(info.sourceTopic()).isEqualTo("gallery");
            assertThat(info.sourceOffset()).hasValue(41L);
        });
    }

    @Test
    void usesThePrefixedDeadLetterTopicAndKeepsTombstoneValues() {
        ProducerRecord<byte[], byte[]> letter = DeadLetter.of(new Topics("t1-"), "t1-gallery", 0, null, null,
                "index", "x".repeat(5000));

        assertThat(letter.topic()).isEqualTo("t1-gallery.dlq");
        assertThat(letter.value()).isNull();
        assertThat(DeadLetter.reason(letter.headers()).orElseThrow()).hasSize(DeadLetter.MAX_REASON_CHARS + 3);
    }

    @Test
    void ordinaryRecordsHaveNoDeadLetterInfo() {
        assertThat(DeadLetter.read(new RecordHeaders())).isEmpty();
        assertThat(DeadLetter.sourceOffset(new RecordHeaders())).isEmpty();
    }
}
