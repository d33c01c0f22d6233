package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * First step of the topology: routes each gallery record either on to the batcher (valid upserts and tombstones,
 * unchanged) or to the dead-letter sink with the stage and reason, so a bad record never reaches a batch.
 */
final class EventChecker implements Processor<byte[], byte[], byte[], Object> {
    private final ImageLoader loader;
    private final EmbedderMetrics metrics;
    private ProcessorContext<byte[], Object> context;

    EventChecker(ImageLoader loader, EmbedderMetrics metrics) {
        this.loader = loader;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.recordIn();
        Arrived arrived = null;
        try {
            if (record.key() == null) {
                throw new RejectedException(DeadLetterStage.DECODE, "record has no key; gallery records are keyed by image id");
            }
            if (record.value() != null) {
                arrived = new Arrived(record.value(), loader.check(record.key(), record.value()));
            }
        } catch (RejectedException e) {
            deadLetter(record, e);
            return;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Whatever one record's content provokes stays that record's problem: it must not stop the stream.
            deadLetter(record, RejectedException.unexpected(DeadLetterStage.DECODE, e));
            return;
        }
        // The parsed event and fetched image travel on with the record (same task), so they are not read again.
        context.forward(record.withValue(arrived), EmbedderTopology.BATCH);
    }

    private void deadLetter(Record<byte[], byte[]> record, RejectedException e) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        metrics.deadLetter();
        context.forward(DeadLetters.of(source.topic(), source.offset(), record.key(), record.value(),
                record.timestamp(), context.currentSystemTimeMs(), e), EmbedderTopology.DEAD_LETTERS);
    }
}
