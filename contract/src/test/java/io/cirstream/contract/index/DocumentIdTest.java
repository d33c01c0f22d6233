package io.cirstream.contract.index;

import io.cirstream.contract.topic.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentIdTest {

    @Test
    void liveImagesKeepTheirIdAndBenchmarkImagesAreScopedByTheirTopicsCollection() {
        Topics topics = new Topics("t.");
        byte[] key = "123".getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentId.key(topics.benchmarkOfGallery(topics.gallery()).orElse(null), key)).isSameAs(key);
        byte[] scoped = DocumentId.key(topics.benchmarkOfGallery(topics.benchmarkGallery("circo-val")).orElseThrow(), key);
        assertThat(DocumentId.of(scoped)).isEqualTo("circo-val\u001f123").isEqualTo(DocumentId.scoped("circo-val", "123"));
        assertThat(DocumentId.of(scoped)).isNotEqualTo(DocumentId.scoped("circo-test", "123"));
        assertThat(DocumentId.printable(DocumentId.of(scoped))).isEqualTo("circo-val/123");
    }

    @Test
    void aKeyMatchesItsImageIdPlainOrScopedOnly() {
        assertThat(DocumentId.matches("a/b", "a/b")).isTrue();
        assertThat(DocumentId.matches("fashioniq-val\u001fB00X", "B00X")).isTrue();
        assertThat(DocumentId.matches("fashioniq-val\u001fB00X", "00X")).isFalse();
        assertThat(DocumentId.matches("c\u001fx\u001fB00X", "B00X")).isFalse();
        assertThat(DocumentId.matches("B00X", "fashioniq-val\u001fB00X")).isFalse();
    }

    @Test
    void keysWithABadCollectionOrIdAreRefused() {
        assertThatThrownBy(() -> DocumentId.of("bad col\u001fx".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("collection");
        assertThatThrownBy(() -> DocumentId.of("c\u001f".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentId.of("c\u001fx\u001fy".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
