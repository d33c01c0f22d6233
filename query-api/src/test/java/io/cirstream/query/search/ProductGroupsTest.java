package io.cirstream.query.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductGroupsTest {

    private static SearchResult.Item item(String id, String collection, String product) {
        ObjectNode metadata = Json.mapper().createObjectNode().put("collection", collection);
        if (product != null) {
            metadata.put("product", product);
        }
        return new SearchResult.Item(id, 1.0, metadata, null);
    }

    @Test
    void keepsTheBestImageOfEachProductInRankOrder() {
        List<SearchResult.Item> ranked = List.of(item("p1#a", "shop", "p1"), item("p2#a", "shop", "p2"),
                item("p1#b", "shop", "p1"), item("p3#a", "shop", "p3"), item("p2#b", "shop", "p2"));
        assertThat(ProductGroups.bestPerProduct(ranked)).extracting(SearchResult.Item::id)
                .containsExactly("p1#a", "p2#a", "p3#a");
    }

    @Test
    void imagesWithoutAProductStandAloneAndCollectionsKeepProductsApart() {
        List<SearchResult.Item> ranked = List.of(item("x", "shop", null), item("y", "shop", null),
                item("p1#a", "shop", "p1"), item("p1#a", "outlet", "p1"), item("p1", "shop", null));
        assertThat(ProductGroups.bestPerProduct(ranked)).hasSize(5);
    }

    @Test
    void overFetchesBoundedly() {
        assertThat(ProductGroups.candidates(10)).isEqualTo(100);
        assertThat(ProductGroups.candidates(201)).isEqualTo(ProductGroups.MAX_CANDIDATES);
        assertThat(ProductGroups.candidates(5_000)).isEqualTo(5_000);
    }
}
