package io.cirstream.ingest.catalogue;

import io.cirstream.contract.event.DeadLetter;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.GalleryEventCodec;
import io.cirstream.contract.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueTopologyTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final TopologyTestDriver driver = new TopologyTestDriver(
            CatalogueTopology.build(Catalogues.shop("shop.products"), TOPICS), properties(), T0.plusSeconds(3600));
    private final TestInputTopic<String, String> catalogue = driver.createInputTopic("shop.products",
            Serdes.String().serializer(), Serdes.String().serializer());
    private final TestOutputTopic<String, byte[]> gallery = driver.createOutputTopic(TOPICS.gallery(),
            Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    private final TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(TOPICS.deadLetters(),
            Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

    private static Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "catalogue-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("catalogue-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void send(String sku, String json, int second) {
        catalogue.pipeInput(sku, json, T0.plusSeconds(second));
    }

    private static String product(String sku, String... urls) {
        return "{\"sku\":\"" + sku + "\",\"in_stock\":true,\"media\":{\"images\":[\""
                + String.join("\",\"", urls) + "\"]}}";
    }

    @Test
    void anUpdateUpsertsNewImagesAndDeletesDroppedOnesOnly() {
        send("p1", product("p1", "https://c/a", "https://c/b"), 1);
        assertThat(upserted()).containsExactly(id("p1", "https://c/a"), id("p1", "https://c/b"));

        send("p1", product("p1", "https://c/b", "https://c/c"), 2);
        List<TestRecord<String, byte[]>> out = gallery.readRecordsToList();
        assertThat(out).filteredOn(r -> r.value() != null).extracting(TestRecord::key)
                .containsExactly(id("p1", "https://c/c"));
        assertThat(out).filteredOn(r -> r.value() == null).extracting(TestRecord::key)
                .containsExactly(id("p1", "https://c/a"));
        assertThat(out).allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(T0.plusSeconds(2).toEpochMilli()));
    }

    @Test
    void aMetadataChangeReindexesEveryImageAndAnIdenticalRecordNone() {
        send("p1", product("p1", "https://c/a", "https://c/b"), 1);
        gallery.readRecordsToList();

        send("p1", product("p1", "https://c/a", "https://c/b"), 2);
        assertThat(gallery.isEmpty()).isTrue();

        send("p1", product("p1", "https://c/a", "https://c/b").replace("\"sku\"", "\"category\":\"coat\",\"sku\""), 3);
        assertThat(upserted()).hasSize(2);
    }

    @Test
    void aTombstoneAndAnOutOfStockRecordDeleteEveryImage() {
        send("p1", product("p1", "https://c/a", "https://c/b"), 1);
        send("p2", product("p2", "https://c/x"), 1);
        gallery.readRecordsToList();

        send("p1", null, 2);
        assertThat(deleted()).containsExactlyInAnyOrder(id("p1", "https://c/a"), id("p1", "https://c/b"));
        send("p2", "{\"sku\":\"p2\",\"in_stock\":false}", 3);
        assertThat(deleted()).containsExactly(id("p2", "https://c/x"));

        send("p2", product("p2", "https://c/x"), 4);
        assertThat(upserted()).as("back in stock").containsExactly(id("p2", "https://c/x"));
        send("p1", null, 5);
        assertThat(gallery.isEmpty()).as("a second delete has nothing left to delete").isTrue();
    }

    @Test
    void aMalformedRecordIsADeadLetterWithItsReasonAndTheStreamGoesOn() {
        send("p1", "{not json", 1);
        send("p9", product("p1", "https://c/a"), 2);
        catalogue.pipeInput(new TestRecord<>(null, product("p3", "https://c/z"), T0.plusSeconds(3)));
        send("p1", product("p1", "https://c/a"), 4);

        List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(2);
        assertThat(DeadLetter.reason(letters.get(0).headers())).hasValueSatisfying(r -> assertThat(r).contains("not valid JSON"));
        assertThat(DeadLetter.stage(letters.get(0).headers())).contains("map");
        assertThat(DeadLetter.sourceTopic(letters.get(0).headers())).contains("shop.products");
        assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(DeadLetter.reason(letters.get(1).headers())).hasValueSatisfying(r -> assertThat(r).contains("record key 'p9'"));
        assertThat(upserted()).as("a keyless upsert is mapped; valid records after refused ones are too")
                .containsExactly(id("p3", "https://c/z"), id("p1", "https://c/a"));
    }

    @Test
    void aRecordStampedInTheFutureGetsTheClockAsItsEventTime() {
        send("p1", product("p1", "https://c/a"), 86_400);
        GalleryEvent event = new GalleryEventCodec().decode(gallery.readRecord().value());
        assertThat(event.eventTime()).isEqualTo(T0.plusSeconds(3600).toEpochMilli());
    }

    private List<String> upserted() {
        return gallery.readRecordsToList().stream().filter(r -> r.value() != null).map(TestRecord::key).toList();
    }

    private List<String> deleted() {
        return gallery.readRecordsToList().stream().filter(r -> r.value() == null).map(TestRecord::key).toList();
    }

    private static String id(String product, String url) {
        return ProductMapper.imageId(product, url);
    }
}
