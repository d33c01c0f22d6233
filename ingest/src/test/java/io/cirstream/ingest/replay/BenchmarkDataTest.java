package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkDataTest {

    @Test
    void limitKeepsOnlyQueriesAnswerableWithinTheKeptGallery() {
        List<GalleryImage> gallery = List.of(image("a"), image("b"), image("c"));
        List<BenchmarkQuery> queries = List.of(query("1", "a", "b"), query("2", "a", "c"), query("3", "c", "a"));
        BenchmarkData data = new BenchmarkData("cirr", "val", Path.of("."), gallery, queries, List.of());

        BenchmarkData limited = data.limited(2);

        assertThat(limited.gallery()).extracting(GalleryImage::id).containsExactly("a", "b");
        assertThat(limited.queries()).extracting(BenchmarkQuery::queryId).containsExactly("1");
        assertThat(data.limited(0)).isSameAs(data);
    }

    private static GalleryImage image(String id) {
        return new GalleryImage(id, Path.of(id + ".png"), null);
    }

    private static BenchmarkQuery query(String id, String reference, String target) {
        return new BenchmarkQuery("cirr", "val", id, reference, List.of("t"), List.of(target), List.of(), null);
    }
}
