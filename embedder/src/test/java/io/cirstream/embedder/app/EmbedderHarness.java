package io.cirstream.embedder.app;

import io.cirstream.indexer.IndexerConfig;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.json.Json;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.topic.Topics;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.testkit.Await;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.testkit.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One isolated embedder deployment on the shared local Kafka + OpenSearch: its own topic prefix, alias,
 * application id and state dir, plus the producer and readers the integration tests and the benchmark need.
 */
public final class EmbedderHarness implements AutoCloseable {
    private final String name = LocalInfra.uniqueName("emb");
    private final Topics topics = new Topics(name + ".");
    private final Map<String, String> overrides = new HashMap<>();
    private final KafkaProducer<byte[], byte[]> producer;
    private final OpenSearchClient openSearch = LocalInfra.openSearch();

    public EmbedderHarness(Path stateDir, Map<String, String> extra) {
        overrides.putAll(Map.of(
                EmbedderConfig.PACK.name(), GalleryFixtures.syntheticPack().toString(),
                EmbedderConfig.TOPIC_PREFIX.name(), name + ".",
                OpenSearchConfig.INDEX_ALIAS.name(), name,
                EmbedderConfig.APPLICATION_ID.name(), name,
                EmbedderConfig.STATE_DIR.name(), stateDir.toString(),
                EmbedderConfig.MODEL_THREADS.name(), "1",
                EmbedderConfig.LINGER_MS.name(), "50",
                IndexerConfig.BULK_LINGER_MS.name(), "50",
                EmbedderConfig.LOG_INTERVAL_S.name(), "5",
                EmbedderConfig.SESSION_TIMEOUT_MS.name(), "6000"));
        overrides.putAll(extra);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                // As KafkaSetup.producer: one request in flight, or a batch refused by a just-opened partition can
                // be stuck as out of order for delivery.timeout.ms.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public Settings settings() {
        return LocalInfra.settings(overrides);
    }

    public Map<String, String> overrides() {
        return Map.copyOf(overrides);
    }

    public Topics topics() {
        return topics;
    }

    public String alias() {
        return name;
    }

    public OpenSearchClient openSearch() {
        return openSearch;
    }

    public EmbedderService start() {
        return start(Map.of());
    }

    public EmbedderService start(Map<String, String> extra) {
        return new EmbedderService(EmbedderConfig.from(settings().with(extra))).start();
    }

    /** Sends to the live gallery topic with an explicit record timestamp (null value: a tombstone). */
    public void send(String id, byte[] value, long timestamp) {
        producer.send(new ProducerRecord<>(topics.gallery(), null, timestamp, GalleryFixtures.key(id), value));
    }

    /** Sends to any topic of this deployment (a benchmark gallery topic, say); null value: a tombstone. */
    public void sendTo(String topic, String id, byte[] value, long timestamp) {
        producer.send(new ProducerRecord<>(topic, null, timestamp, GalleryFixtures.key(id), value));
    }

    public void flush() {
        producer.flush();
    }

    /** Documents searchable behind the alias; 0 while the embedder has not created the index yet. */
    public long documentCount() {
        if (!openSearch.send("POST", "/" + name + "/_refresh", null).ok()) {
            return 0;
        }
        return openSearch.call("GET", "/" + name + "/_count", null).path("count").asLong();
    }

    /** The stored document, or a missing node when it does not exist. */
    public JsonNode document(String id) {
        OpenSearchClient.Response r = openSearch.send("GET", "/" + name + "/_doc/" + id, null);
        return r.ok() ? r.body() : Json.mapper().missingNode();
    }

    /** The stored documents whose image id is {@code id}, in any collection. */
    public List<JsonNode> documentsWithImageId(String id) {
        String query = "{\"size\":100,\"_source\":{\"excludes\":[\"vector\"]},\"query\":{\"term\":{\"id\":"
                + json(id) + "}}}";
        List<JsonNode> out = new ArrayList<>();
        openSearch.call("POST", "/" + name + "/_search", query).path("hits").path("hits").forEach(out::add);
        return out;
    }

    /** Top-{@code k} ids and scores for each query vector, through one _msearch per 200 queries. */
    public List<JsonNode> knn(List<float[]> queries, int k) {
        List<JsonNode> results = new ArrayList<>();
        for (int from = 0; from < queries.size(); from += 200) {
            StringBuilder body = new StringBuilder();
            for (float[] q : queries.subList(from, Math.min(queries.size(), from + 200))) {
                body.append("{}\n").append("{\"size\":").append(k).append(",\"_source\":false,\"query\":{\"knn\":{\"vector\":{\"vector\":")
                        .append(json(q)).append(",\"k\":").append(k).append("}}}}\n");
            }
            JsonNode response = openSearch.call("POST", "/" + name + "/_msearch", body.toString());
            response.path("responses").forEach(r -> results.add(r.path("hits").path("hits")));
        }
        return results;
    }

    /** Every committed record on a topic, read to its end offsets (call it once the writer is known to be done). */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicContents.read(topic);
    }

    /** Transactional ids of this deployment's producers whose transaction is open (ONGOING) on the broker. */
    public List<String> openTransactions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()))) {
            return admin.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
                    .all().get(1, TimeUnit.MINUTES).stream().map(TransactionListing::transactionalId)
                    .filter(id -> id.startsWith(name + "-")).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted listing transactions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot list the broker's transactions", e);
        }
    }

    public static String stage(ConsumerRecord<byte[], byte[]> letter) {
        return DeadLetter.stage(letter.headers()).orElse("");
    }

    public static String reason(ConsumerRecord<byte[], byte[]> letter) {
        return DeadLetter.reason(letter.headers()).orElse("");
    }

    /** Waits (polling) until the condition holds; fails with {@code what} after two minutes. */
    public static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofMinutes(2), condition::getAsBoolean);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
        openSearch.send("DELETE", "/" + name + "-v1-*", null);
        openSearch.close();
    }
}
