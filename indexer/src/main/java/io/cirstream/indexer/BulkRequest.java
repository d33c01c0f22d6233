package io.cirstream.indexer;

import io.cirstream.contract.index.GalleryIndex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bulk request under construction, with the actions behind it (in the same order, so a per-item failure maps
 * back to its record). Every action carries an external version with {@code version_type=external_gte}: an upsert
 * the event time its vector carries, a delete its tombstone's timestamp. A replayed or late older event loses
 * against a newer one (409), and a delete's version protects it from an older upsert.
 */
final class BulkRequest {
    /** One action: an upsert of {@code event}, or a delete when {@code event} is null. */
    record Action(ConsumerRecord<byte[], byte[]> record, String id, VectorEvent event) {
        long version() {
            return event == null ? record.timestamp() : event.eventTime();
        }
    }

    private final String index;
    private final StringBuilder body = new StringBuilder();
    private final List<Action> actions = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    private long bytes;

    BulkRequest(String index) {
        this.index = index;
    }

    /** A request for {@code actions} alone (a retry or a part of a split request); it tracks no offsets. */
    static BulkRequest of(String index, List<Action> actions) {
        BulkRequest request = new BulkRequest(index);
        actions.forEach(request::append);
        return request;
    }

    void upsert(ConsumerRecord<byte[], byte[]> record, String id, VectorEvent event) {
        append(new Action(record, id, event));
        consumed(record);
    }

    void delete(ConsumerRecord<byte[], byte[]> record, String id) {
        append(new Action(record, id, null));
        consumed(record);
    }

    private void append(Action action) {
        ObjectNode meta = Json.mapper().createObjectNode();
        meta.putObject(action.event() == null ? "delete" : "index").put("_index", index).put("_id", action.id())
                .put("version", action.version()).put("version_type", "external_gte");
        int start = body.length();
        body.append(meta).append('\n');
        if (action.event() != null) {
            ObjectNode document = VectorEventCodec.document(action.event())
                    .put(GalleryIndex.INDEXED_AT, Instant.now().toString());
            body.append(document).append('\n');
        }
        bytes += body.length() - start;
        actions.add(action);
    }

    /** Marks a record as handled by this request without an action (skipped or dead-lettered). */
    void consumed(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
        firstOffsets.putIfAbsent(partition, record.offset());
    }

    /** The offsets to commit once this request has succeeded. */
    Map<TopicPartition, OffsetAndMetadata> offsets() {
        return offsets;
    }

    /** Per partition, the offset of the first record this request handles: where a re-read must start. */
    Map<TopicPartition, Long> firstOffsets() {
        return firstOffsets;
    }

    /** Roughly the UTF-16 length; vectors and ids are ASCII so it is the byte size in practice. */
    long bytes() {
        return bytes;
    }

    int size() {
        return actions.size();
    }

    boolean isEmpty() {
        return offsets.isEmpty();
    }

    String ndjson() {
        return body.toString();
    }

    List<Action> actions() {
        return actions;
    }
}
