package io.cirstream.embedder.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.core.json.Json;
import io.cirstream.embedder.stream.VectorEvent;
import io.cirstream.embedder.stream.VectorEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bulk request under construction, with the Kafka records behind its actions (in the same order, so a
 * per-item failure maps back to its record). Every action carries {@code version = record timestamp} with
 * {@code version_type=external_gte}: the embedder stamps vectors with their event time, so a replayed or late
 * older event loses against a newer one (409), and a delete's version protects it from an older upsert.
 */
final class BulkRequest {
    private final String index;
    private final StringBuilder body = new StringBuilder();
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    private long bytes;

    BulkRequest(String index) {
        this.index = index;
    }

    void upsert(ConsumerRecord<byte[], byte[]> record, VectorEvent event) {
        ObjectNode document = VectorEventCodec.document(event).put(GalleryIndex.INDEXED_AT, Instant.now().toString());
        append("index", record, id(record), document.toString());
    }

    void delete(ConsumerRecord<byte[], byte[]> record) {
        append("delete", record, id(record), null);
    }

    private void append(String action, ConsumerRecord<byte[], byte[]> record, String id, String document) {
        ObjectNode meta = Json.mapper().createObjectNode();
        meta.putObject(action).put("_index", index).put("_id", id)
                .put("version", record.timestamp()).put("version_type", "external_gte");
        int start = body.length();
        body.append(meta).append('\n');
        if (document != null) {
            body.append(document).append('\n');
        }
        bytes += body.length() - start;
        records.add(record);
        consumed(record);
    }

    /** Marks a record as handled by this request without an action (skipped or dead-lettered). */
    void consumed(ConsumerRecord<byte[], byte[]> record) {
        offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    /** The offsets to commit once this request has succeeded. */
    Map<TopicPartition, OffsetAndMetadata> offsets() {
        return offsets;
    }

    private static String id(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    /** Roughly the UTF-16 length; vectors and ids are ASCII so it is the byte size in practice. */
    long bytes() {
        return bytes;
    }

    int size() {
        return records.size();
    }

    boolean hasActions() {
        return !records.isEmpty();
    }

    boolean isEmpty() {
        return offsets.isEmpty();
    }

    String ndjson() {
        return body.toString();
    }

    List<ConsumerRecord<byte[], byte[]>> records() {
        return records;
    }
}
