package io.cirstream.ingest.catalogue;

import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueMappingTest {

    @Test
    void readsTheSourceKeys() {
        CatalogueMapping mapping = Catalogues.shop("shop.products");
        assertThat(mapping.topic()).isEqualTo("shop.products");
        assertThat(mapping.id()).hasToString("/sku");
        assertThat(mapping.imageUrls()).hasToString("/media/images");
        assertThat(mapping.collection()).isEqualTo("shop");
        assertThat(mapping.metadata()).containsOnlyKeys("category", "tags", "attributes.colour", "attributes.price");
        assertThat(mapping.deleteWhen().anyOf()).hasSize(2);
    }

    @Test
    void defaultsTheIdAndCollection() {
        CatalogueMapping mapping = CatalogueMapping.from(Settings.of(Map.of("source.a.topic", "t",
                "source.a.image-urls", "/images")), "a");
        assertThat(mapping.id()).hasToString("/id");
        assertThat(mapping.collection()).isEqualTo("default");
        assertThat(mapping.deleteWhen().anyOf()).isEmpty();
    }

    @Test
    void environmentVariablesReachTheDashedKeys() {
        Settings settings = Settings.load(Optional.empty(), Map.of("CIRSTREAM_SOURCE_A_TOPIC", "t",
                "CIRSTREAM_SOURCE_A_IMAGE_URLS", "/images", "CIRSTREAM_SOURCE_A_DELETE_WHEN", "/gone == true"));
        CatalogueMapping mapping = CatalogueMapping.from(settings, "a");
        assertThat(mapping.imageUrls()).hasToString("/images");
        assertThat(mapping.deleteWhen().anyOf()).hasSize(1);
    }

    @Test
    void namesTheKeyThatIsWrong() {
        assertRefused(Map.of(), "no source.a.* keys");
        assertRefused(Map.of("source.a.image-urls", "/i"), "missing required setting source.a.topic");
        assertRefused(Map.of("source.a.topic", "t"), "missing required setting source.a.image-urls");
        assertRefused(Map.of("source.a.topic", "t", "source.a.image-urls", "images"), "is not a JSON pointer");
        assertRefused(Map.of("source.a.topic", "t", "source.a.image-urls", "/i", "source.a.imgs", "/x"),
                "unknown key source.a.imgs");
        assertRefused(Map.of("source.a.topic", "t", "source.a.image-urls", "/i", "source.a.metadata.colour", "/x"),
                "unknown key source.a.metadata.colour");
        assertRefused(Map.of("source.a.topic", "t", "source.a.image-urls", "/i", "source.a.metadata.lat", "/x"),
                "go together");
        assertRefused(Map.of("source.a.topic", "t", "source.a.image-urls", "/i", "source.a.collection", "a b"),
                "collection must be");
        assertRefused(Map.of("source.a.topic", "t", "source.a.image-urls", "/i", "source.a.delete-when", "x"),
                "source.a.*");
    }

    private static void assertRefused(Map<String, String> keys, String message) {
        assertThatThrownBy(() -> CatalogueMapping.from(Settings.of(keys), "a"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }
}
