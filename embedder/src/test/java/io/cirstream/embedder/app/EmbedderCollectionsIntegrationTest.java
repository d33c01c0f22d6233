package io.cirstream.embedder.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.contract.index.DocumentId;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.encode;
import static io.cirstream.embedder.stream.GalleryFixtures.png;
import static io.cirstream.embedder.stream.GalleryFixtures.tile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same image id in two benchmark collections (CIRCO val and test share COCO ids) and in the live gallery is three
 * documents: none overwrites another, each keeps its own external version, and a tombstone on one gallery topic
 * deletes only that topic's document.
 */
@IntegrationTest
class EmbedderCollectionsIntegrationTest {

    @TempDir
    Path stateDir;

    @Test
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    void sameImageIdInTwoBenchmarkSplitsAndTheLiveGalleryStaysThreeDocuments() {
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of())) {
            String val = h.topics().benchmarkGallery("circo-val");
            String test = h.topics().benchmarkGallery("circo-test");
            // Later event times on later topics: with one key per image id the last would win everywhere.
            h.sendTo(val, "123", upsert("123", 1, "circo-val", 1_000), 1_000);
            h.sendTo(val, "456", upsert("456", 2, "circo-val", 1_001), 1_001);
            h.sendTo(test, "123", upsert("123", 3, "circo-test", 2_000), 2_000);
            h.sendTo(test, "456", upsert("456", 4, "circo-test", 2_001), 2_001);
            h.send("123", upsert("123", 5, ImageMetadata.DEFAULT_COLLECTION, 3_000), 3_000);
            h.sendTo(test, "456", null, 4_000);
            h.flush();
            // Topics exist before the service subscribes to the pattern, so it reads all three from the start.
            try (EmbedderService service = h.start()) {
                await("four documents (123 in three collections, 456 in circo-val only)", () -> h.documentCount() == 4
                        && collections(h, "123").size() == 3 && collections(h, "456").size() == 1);

                assertThat(collections(h, "123")).containsExactlyInAnyOrderEntriesOf(Map.of(
                        DocumentId.scoped("circo-val", "123"), "circo-val",
                        DocumentId.scoped("circo-test", "123"), "circo-test",
                        "123", ImageMetadata.DEFAULT_COLLECTION));
                assertThat(collections(h, "456")).containsExactlyEntriesOf(Map.of(
                        DocumentId.scoped("circo-val", "456"), "circo-val"));
                // Each document keeps its own external version (its own event time).
                assertThat(h.document("123").path("_version").asLong()).isEqualTo(3_000);
                assertThat(h.document("circo-val%1F123").path("_version").asLong()).isEqualTo(1_000);
                assertThat(h.document("circo-val%1F123").path("_source").path("id").asText()).isEqualTo("123");
            }
        }
    }

    private static byte[] upsert(String id, int tile, String collection, long eventTime) {
        return encode(GalleryEvent.upsert(id, ImageRef.inline(png(tile(tile)), "image/png"),
                ImageMetadata.inCollection(collection), eventTime));
    }

    /** Document id → collection of the documents holding image {@code id}. */
    private static Map<String, String> collections(EmbedderHarness h, String id) {
        return h.documentsWithImageId(id).stream().collect(Collectors.toMap(hit -> hit.path("_id").asText(),
                (JsonNode hit) -> hit.path("_source").path("collection").asText()));
    }
}
