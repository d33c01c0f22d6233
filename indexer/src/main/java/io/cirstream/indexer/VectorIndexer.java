package io.cirstream.indexer;

import io.cirstream.contract.index.DocumentId;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.opensearch.OpenSearchException;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.event.DeadLetterStage;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.contract.topic.KafkaSetup;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The OpenSearch sink: reads the vectors topic (committed transactions only) and writes bulk requests into the
 * model's concrete index. Offsets are committed only after a bulk succeeded, so a crash re-sends at most one bulk,
 * which external versioning makes harmless. The whole bulk is retried with back-off while OpenSearch is
 * unreachable, overloaded or refusing access; items that fail for good go to the dead-letter topic with stage
 * "index", and a request refused as a whole because of its content (400, 413) is split until the refused documents
 * stand alone, so one bad document never stops the sink.
 * Vectors of another model (a re-index running beside this one) are skipped.
 */
public final class VectorIndexer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VectorIndexer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final OpenSearchClient client;
    private final Topics topics;
    private final String index;
    private final String modelId;
    private final IndexerOptions options;
    private final IndexerCounters metrics;
    private final VectorEventCodec codec = new VectorEventCodec();
    private volatile boolean closing;
    private BulkRequest pending;
    private final List<Letter> lettersInFlight = new ArrayList<>();
    private long pendingSinceMs;
    private final IdlePositions positions;

    public VectorIndexer(KafkaConfig kafka, Topics topics, OpenSearchClient client, String index, String modelId,
                         IndexerOptions options, IndexerCounters metrics) {
        this.consumer = new KafkaConsumer<>(consumerConfig(kafka, options), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(kafka.clientConfig(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaSetup.MAX_RECORD_BYTES)),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.client = client;
        this.topics = topics;
        this.index = index;
        this.modelId = modelId;
        this.options = options;
        this.metrics = metrics;
        this.pending = new BulkRequest(index);
        this.positions = new IdlePositions(consumer);
    }

    private static Map<String, Object> consumerConfig(KafkaConfig kafka, IndexerOptions options) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, options.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.bulkDocs(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) options.sessionTimeout().toMillis())));
        if (!options.instanceId().isEmpty()) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, options.instanceId() + "-sink");
        }
        return config;
    }

    /** Kafka's client metrics of the sink consumer, for the host's registry to bind (and close when it closes). */
    public KafkaClientMetrics clientMetrics() {
        return new KafkaClientMetrics(consumer);
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(topics.vectors()), new DropPendingOnRevoke());
        try {
            try {
                while (!closing) {
                    var records = consumer.poll(Duration.ofMillis(50));
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        add(record);
                    }
                    if (!pending.isEmpty() && System.currentTimeMillis() - pendingSinceMs >= options.linger().toMillis()) {
                        flush();
                    } else if (records.isEmpty() && pending.isEmpty()) {
                        positions.commitIdle();
                    }
                }
            } catch (WakeupException e) {
                if (!closing) {
                    throw e;
                }
            } catch (KafkaException | OpenSearchException e) {
                // A stop during an outage ends the retries of the bulk in flight: a clean stop, not a failure.
                if (!closing) {
                    throw e;
                }
                LOG.info("indexer stopped while a bulk was failing ({}); it is re-read on restart", e.toString());
            }
            flushOnClose();
        } finally {
            // Leave explicitly: a static member would otherwise keep its partitions until its session expires.
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            deadLetters.close();
        }
    }

    private void flushOnClose() {
        int actions = pending.size();
        try {
            flush();
        } catch (KafkaException | OpenSearchException e) {
            LOG.info("indexer stopped with up to {} actions not indexed ({}); they are re-read on restart", actions,
                    e.toString());
        }
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        if (pending.isEmpty()) {
            pendingSinceMs = System.currentTimeMillis();
        }
        String id;
        try {
            id = DocumentId.of(record.key());
        } catch (IllegalArgumentException e) {
            deadLetter(record, e.getMessage());
            pending.consumed(record);
            return;
        }
        if (record.value() == null) {
            pending.delete(record, id);
        } else {
            upsert(record, id);
        }
        if (pending.size() >= options.bulkDocs() || pending.bytes() >= options.bulkBytes()) {
            flush();
        }
    }

    private void upsert(ConsumerRecord<byte[], byte[]> record, String id) {
        VectorEvent event;
        try {
            event = codec.decode(record.value());
        } catch (RuntimeException e) {
            // MalformedEventException, and whatever else a foreign or damaged value provokes in the codec.
            deadLetter(record, "not a vector event: " + e.getMessage());
            pending.consumed(record);
            return;
        }
        if (!DocumentId.matches(id, event.id())) {
            deadLetter(record, "record key '" + DocumentId.printable(id) + "' does not match the vector's id '"
                    + event.id() + "'");
            pending.consumed(record);
        } else if (event.model().equals(modelId)) {
            pending.upsert(record, id, event);
        } else {
            pending.consumed(record);
        }
    }

    private void flush() {
        BulkRequest request = pending;
        pending = new BulkRequest(index);
        index(request);
        awaitDeadLetters();
        if (!request.isEmpty()) {
            commit(request.offsets());
        }
    }

    /**
     * Commits a bulk's offsets, waiting out a Kafka that does not answer (its client gives up after
     * {@code default.api.timeout.ms}; the bulk is already indexed, so only the commit is retried, with the partitions
     * paused). A group that moved on without this member has its partitions re-read from the last commit by their next
     * owner, and re-indexing them is a no-op under external versions.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Backoff backoff = new Backoff(options.maxBackoff());
        Map<TopicPartition, OffsetAndMetadata> owned = offsets;
        while (!owned.isEmpty()) {
            try {
                positions.commit(owned);
                return;
            } catch (RetriableException | RebalanceInProgressException e) {
                if (closing) {
                    throw e;
                }
                Duration wait = backoff.next();
                LOG.warn("committing the offsets of an indexed bulk failed ({}); retrying in {} ms", e.toString(),
                        wait.toMillis());
                pauseFor(wait);
                owned = new HashMap<>(owned);
                owned.keySet().retainAll(consumer.assignment());
            } catch (CommitFailedException e) {
                LOG.info("the sink's group moved on before an indexed bulk was committed ({}); its records are read"
                        + " again and re-indexed as no-ops", e.getMessage());
                return;
            }
        }
    }

    /**
     * Indexes the actions of {@code first} until each one is done, a version conflict or dead-lettered. Items
     * OpenSearch asks to retry (429, 5xx) are re-sent with back-off; a whole request refused for its content (400,
     * 413: one document's id, size or version) is split in halves until the refused documents stand alone, and those
     * are dead-lettered while the others are indexed. Only retries and halves are rendered again; the first request
     * goes as it was built.
     */
    private void index(BulkRequest first) {
        Backoff backoff = new Backoff(options.maxBackoff());
        BulkRequest request = first;
        while (request.size() > 0) {
            Answer answer = send(request, backoff);
            if (answer.refusal() != null) {
                split(request.actions(), answer.refusal());
                return;
            }
            List<BulkRequest.Action> retry = handle(request.actions(), answer.response());
            if (!retry.isEmpty()) {
                pauseFor(backoff.next());
            }
            request = BulkRequest.of(index, retry);
        }
    }

    private void split(List<BulkRequest.Action> actions, String refusal) {
        if (actions.size() == 1) {
            deadLetter(actions.getFirst().record(), "OpenSearch refused the document: " + refusal);
            return;
        }
        LOG.warn("OpenSearch refused a bulk of {} actions ({}); splitting it to find the refused documents",
                actions.size(), refusal);
        int half = actions.size() / 2;
        index(BulkRequest.of(index, actions.subList(0, half)));
        index(BulkRequest.of(index, actions.subList(half, actions.size())));
    }

    /** OpenSearch's answer to a bulk request: the per-item response, or why it refused the request as a whole. */
    private record Answer(JsonNode response, String refusal) {
    }

    /**
     * Sends until OpenSearch answers. 400 and 413 refuse the request for what it holds; anything else (no answer,
     * 429, 5xx, and statuses such as 401 or 403 that no document causes) is retried with back-off, never dropped.
     */
    private Answer send(BulkRequest request, Backoff backoff) {
        while (true) {
            try {
                return new Answer(client.bulk(request.ndjson(), false), null);
            } catch (OpenSearchException e) {
                if (e.status() == 400 || e.status() == 413) {
                    return new Answer(null, e.getMessage());
                }
                if (closing) {
                    throw e;
                }
                Duration wait = backoff.next();
                LOG.warn("bulk of {} actions failed ({}); retrying in {} ms", request.size(), e.getMessage(),
                        wait.toMillis());
                pauseFor(wait);
            }
        }
    }

    /** Returns the actions that should be retried. */
    private List<BulkRequest.Action> handle(List<BulkRequest.Action> actions, JsonNode response) {
        List<BulkRequest.Action> retry = new ArrayList<>();
        int done = 0;
        int conflicts = 0;
        JsonNode items = response.path("items");
        for (int i = 0; i < actions.size(); i++) {
            BulkItem item = BulkItem.of(items.get(i));
            switch (item.outcome()) {
                case DONE -> done++;
                case CONFLICT -> conflicts++;
                case RETRY -> retry.add(actions.get(i));
                case FAILED -> deadLetter(actions.get(i).record(), item.error());
            }
        }
        metrics.indexed(done, conflicts);
        return retry;
    }

    /** Waits without leaving the group: paused partitions return nothing, but polling keeps the member alive. */
    private void pauseFor(Duration wait) {
        PausedPoll.waitFor(consumer, wait);
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        metrics.deadLetter();
        LOG.debug("dead letter from {}@{}: {}", record.topic(), record.offset(), reason);
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        lettersInFlight.add(Letter.send(deadLetters, source,
                DeadLetter.of(topics, record, DeadLetterStage.INDEX.label(), reason)));
    }

    /** A dead letter on its way, with what it takes to send it again. */
    private record Letter(String source, ProducerRecord<byte[], byte[]> record, Future<RecordMetadata> sent) {
        static Letter send(KafkaProducer<byte[], byte[]> producer, String source, ProducerRecord<byte[], byte[]> record) {
            return new Letter(source, record, producer.send(record));
        }
    }

    /**
     * Waits for this bulk's dead letters before its offsets are committed. The producer retries transient errors
     * itself until {@code delivery.timeout.ms}; a letter Kafka still did not take for a retriable reason (an outage)
     * is sent again, with back-off, until it is written, so the commit never passes a letter that was not. One
     * refused for good (e.g. not authorised) is logged with its source record, the only trace left.
     */
    private void awaitDeadLetters() {
        Backoff backoff = new Backoff(options.maxBackoff());
        List<Letter> letters = List.copyOf(lettersInFlight);
        lettersInFlight.clear();
        while (!letters.isEmpty()) {
            deadLetters.flush();
            List<Letter> again = new ArrayList<>();
            for (Letter letter : letters) {
                try {
                    letter.sent().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RetriableException retriable) {
                        if (closing) {
                            throw retriable;
                        }
                        again.add(letter);
                    } else {
                        LOG.error("dead letter for {} could not be written: {}", letter.source(),
                                e.getCause().toString());
                    }
                } catch (InterruptedException e) {
                    throw new InterruptException(e);
                }
            }
            if (!again.isEmpty()) {
                Duration wait = backoff.next();
                LOG.warn("Kafka did not take {} dead letters (first from {}); sending them again in {} ms",
                        again.size(), again.getFirst().source(), wait.toMillis());
                pauseFor(wait);
            }
            letters = again.stream().map(l -> Letter.send(deadLetters, l.source(), l.record())).toList();
        }
    }

    /**
     * Buffered actions of revoked partitions are dropped, not flushed: their offsets were not committed, so the new
     * owner re-reads and re-sends them, and external versions make the repeat a no-op.
     */
    private final class DropPendingOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // An incremental rebalance keeps the other partitions and their positions, which are already past the
            // dropped actions: rewind those, or the next commit (a bulk's or an idle one) would skip them.
            pending.firstOffsets().forEach((partition, first) -> {
                if (!partitions.contains(partition)) {
                    consumer.seek(partition, first);
                }
            });
            pending = new BulkRequest(index);
            positions.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Nothing to prepare: positions come from the committed offsets.
        }
    }

    /** Asks the loop to finish its current bulk and stop; {@link #run()} then closes the clients. */
    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
    }
}
