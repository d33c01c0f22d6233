package io.cirstream.query.inference;

import io.cirstream.model.TextEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextEmbeddingsTest {

    /** Counts calls; a pure-logic fake is fine here, the real encoder runs in the integration tests. */
    private static final class CountingEncoder implements TextEncoder {
        final List<String> seen = new ArrayList<>();

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public List<float[]> encode(List<String> texts) {
            seen.addAll(texts);
            return texts.stream().map(t -> new float[]{t.length()}).toList();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void repeatsAreServedFromTheCacheAndTheLeastRecentlyUsedIsEvicted() {
        CountingEncoder encoder = new CountingEncoder();
        TextEmbeddings texts = new TextEmbeddings(encoder, 2);
        texts.embed("red");
        texts.embed("blue");
        texts.embed("red");
        texts.embed("green");
        texts.embed("red");
        texts.embed("blue");
        assertThat(encoder.seen).containsExactly("red", "blue", "green", "blue");
        assertThat(texts.size()).isEqualTo(2);
        assertThat(texts.embed("green")[0]).isEqualTo(5f);
    }
}
