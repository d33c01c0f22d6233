package io.cirstream.ingest.catalogue;

import io.cirstream.contract.event.GalleryEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductMapperTest {
    private final ProductMapper mapper = new ProductMapper(Catalogues.shop("shop.products"));

    private ProductChange map(String key, String json) {
        return mapper.map(key, json == null ? null : json.getBytes(StandardCharsets.UTF_8), 1_000L);
    }

    @Test
    void eachImageOfAProductBecomesAnEventCarryingTheProductAndTheMappedMetadata() {
        ProductChange change = map("p1", """
                {"sku":"p1","category":"dress","labels":["red","summer"],"price":49.9,"attrs":{"colour":"red"},
                 "in_stock":true,"media":{"images":["https://cdn.test/p1/a.jpg","https://cdn.test/p1/b.jpg"]}}""");

        assertThat(change).isInstanceOf(ProductChange.Replace.class);
        var images = ((ProductChange.Replace) change).images();
        assertThat(images).extracting(GalleryEvent::id).containsExactly(
                ProductMapper.imageId("p1", "https://cdn.test/p1/a.jpg"), ProductMapper.imageId("p1", "https://cdn.test/p1/b.jpg"));
        GalleryEvent first = images.get(0);
        assertThat(first.id()).matches("p1#[0-9a-f]{16}");
        assertThat(first.image().uri()).hasToString("https://cdn.test/p1/a.jpg");
        assertThat(first.eventTime()).isEqualTo(1_000L);
        assertThat(first.metadata().product()).isEqualTo("p1");
        assertThat(first.metadata().collection()).isEqualTo("shop");
        assertThat(first.metadata().category()).isEqualTo("dress");
        assertThat(first.metadata().tags()).containsExactly("red", "summer");
        assertThat(first.metadata().attributes()).isEqualTo(Map.of("colour", "red", "price", "49.9"));
        assertThat(first.metadata().source()).isEqualTo("shop.products");
    }

    @Test
    void aSingleUrlStringAndDuplicateUrlsAreAccepted() {
        assertThat(((ProductChange.Replace) map("p2", "{\"sku\":\"p2\",\"media\":{\"images\":\"https://cdn.test/x.png\"}}"))
                .images()).hasSize(1);
        assertThat(((ProductChange.Replace) map("p2", "{\"sku\":\"p2\",\"media\":{\"images\":[\"s3://b/k\",\"s3://b/k\"]}}"))
                .images()).hasSize(1);
    }

    @Test
    void anImageIdDependsOnTheUrlNotItsPlaceInTheList() {
        var one = (ProductChange.Replace) map("p", "{\"sku\":\"p\",\"media\":{\"images\":[\"https://c/a\",\"https://c/b\"]}}");
        var other = (ProductChange.Replace) map("p", "{\"sku\":\"p\",\"media\":{\"images\":[\"https://c/b\"]}}");
        assertThat(other.images().get(0).id()).isEqualTo(one.images().get(1).id());
    }

    @Test
    void tombstonesAndTheDeleteRuleRemoveTheProduct() {
        assertThat(map("p3", null)).isEqualTo(new ProductChange.Remove("p3"));
        assertThat(map("p3", "{\"sku\":\"p3\",\"in_stock\":false}")).isEqualTo(new ProductChange.Remove("p3"));
        assertThat(map("p3", "{\"sku\":\"p3\",\"status\":\"deleted\",\"media\":{\"images\":[]}}"))
                .isEqualTo(new ProductChange.Remove("p3"));
        assertThat(map("p3", "{\"sku\":\"p3\",\"in_stock\":\"false\",\"media\":{\"images\":[]}}"))
                .as("a string is not the boolean false").isInstanceOf(ProductChange.Replace.class);
    }

    @Test
    void anEmptyImageListIsAProductWithoutImages() {
        assertThat(map("p4", "{\"sku\":\"p4\",\"media\":{\"images\":[]}}"))
                .isEqualTo(new ProductChange.Replace("p4", java.util.List.of()));
    }

    @Test
    void malformedRecordsAreRefusedWithTheReason() {
        assertRefused(null, "{\"sku\":\"p\"", "not valid JSON");
        // Which sku would the catalogue have meant? Refused, like a gallery event with a key twice.
        assertRefused(null, "{\"sku\":\"p\",\"sku\":\"q\",\"media\":{\"images\":[\"https://c/a\"]}}", "Duplicate field 'sku'");
        assertRefused(null, "[1,2]", "not a JSON object");
        assertRefused(null, "{\"media\":{\"images\":[\"https://c/a\"]}}", "no product id at /sku");
        assertRefused("other", "{\"sku\":\"p\",\"media\":{\"images\":[]}}", "record key 'other' is not the product id 'p'");
        assertRefused(null, "{\"sku\":\"p\"}", "no image URLs at /media/images");
        assertRefused(null, "{\"sku\":\"p\",\"media\":{\"images\":{\"a\":1}}}", "/media/images must be a string or an array");
        assertRefused(null, "{\"sku\":\"p\",\"media\":{\"images\":[true]}}", "/media/images/0 must be a string");
        assertRefused(null, "{\"sku\":\"p\",\"media\":{\"images\":[\"no scheme\"]}}", "image URL 'no scheme'");
        assertRefused(null, "{\"sku\":\"p\",\"media\":{\"images\":[\"relative/x.png\"]}}", "must be absolute");
        assertRefused(null, "{\"sku\":{\"a\":1},\"media\":{\"images\":[]}}", "/sku must be a string");
        assertRefused(null, "{\"sku\":\" p\",\"media\":{\"images\":[]}}", "does not make a valid image id");
        assertRefused(null, "{\"sku\":\"" + "x".repeat(600) + "\",\"media\":{\"images\":[]}}", "bytes in UTF-8");
        assertRefused(null, "{\"sku\":\"p\",\"category\":[1],\"media\":{\"images\":[\"https://c/a\"]}}", "/category must be");
        assertRefused(null, "{\"sku\":\"p\",\"labels\":[\" \"],\"media\":{\"images\":[\"https://c/a\"]}}", "tags[0] is blank");
    }

    @Test
    void randomBytesNeverThrowAnythingButARefusal() {
        Random random = new Random(17);
        for (int i = 0; i < 2_000; i++) {
            byte[] value = new byte[random.nextInt(40)];
            random.nextBytes(value);
            String json = i % 2 == 0 ? new String(value, StandardCharsets.ISO_8859_1)
                    : "{\"sku\":\"p\",\"media\":{\"images\":[\"https://c/" + new String(value, StandardCharsets.UTF_8) + "\"]}}";
            try {
                map(null, json);
            } catch (CatalogueRecordException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private void assertRefused(String key, String json, String reason) {
        assertThatThrownBy(() -> map(key, json)).isInstanceOf(CatalogueRecordException.class).hasMessageContaining(reason);
    }
}
