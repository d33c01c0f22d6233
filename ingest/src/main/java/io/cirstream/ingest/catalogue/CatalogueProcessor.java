package io.cirstream.ingest.catalogue;

import io.cirstream.contract.event.DeadLetter;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.topic.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps each catalogue record to gallery upserts and tombstones: the new or changed images of a product are upserted,
 * the images it no longer has are deleted, a removed product loses all of them. A record the mapping refuses goes to
 * the dead-letter topic with the reason (stage {@value #STAGE}); the stream goes on.
 */
final class CatalogueProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    static final String STAGE = "map";
    private static final GalleryEventCodec CODEC = new GalleryEventCodec();

    private final ProductMapper mapper;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, String> products;

    CatalogueProcessor(ProductMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.products = context.getStateStore(CatalogueTopology.PRODUCT_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        // The record's time is the event time of what it causes, clamped so the embedder never refuses it as future.
        long eventTime = Math.clamp(record.timestamp(), 0, context.currentSystemTimeMs());
        ProductChange change;
        try {
            change = mapper.map(key(record.key()), record.value(), eventTime);
        } catch (CatalogueRecordException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        Map<String, String> before = ProductImages.decode(products.get(change.product()));
        Map<String, String> after = new LinkedHashMap<>();
        if (change instanceof ProductChange.Replace replace) {
            for (GalleryEvent image : replace.images()) {
                String fingerprint = ProductImages.fingerprint(image);
                after.put(image.id(), fingerprint);
                if (!fingerprint.equals(before.get(image.id()))) {
                    context.forward(new Record<>(utf8(image.id()), CODEC.encode(image), eventTime), CatalogueTopology.GALLERY);
                }
            }
        }
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(id ->
                context.forward(new Record<byte[], byte[]>(utf8(id), null, eventTime), CatalogueTopology.GALLERY));
        if (after.isEmpty()) {
            products.delete(change.product());
        } else {
            products.put(change.product(), ProductImages.encode(after));
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        // Only the headers are used: the sink decides the topic.
        var letter = DeadLetter.of(Topics.defaults(), source.topic(), source.offset(), record.key(), record.value(),
                STAGE, reason);
        context.forward(new Record<>(record.key(), record.value(), Math.clamp(record.timestamp(), 0,
                context.currentSystemTimeMs()), letter.headers()), CatalogueTopology.DEAD_LETTERS);
    }

    /** Strict UTF-8: a lenient decode would silently name another product. */
    private static String key(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            throw new CatalogueRecordException("the record key is not valid UTF-8");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
