package io.cirstream.query.search;

import io.cirstream.contract.index.DocumentId;
import io.cirstream.contract.index.GalleryIndex;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One result per product ({@code "group": "product"}): the best-ranked image of each product, images of no product
 * each standing alone. Done on the ranked list rather than by OpenSearch's {@code collapse}: collapse would merge every
 * image without a product into one group, WeiCom ranks only after fusing two k-NN lists, and a k-NN query hands
 * collapse only its k candidates anyway, so over-fetching ({@link #candidates}) is needed either way.
 */
final class ProductGroups {
    /** Images fetched per wanted product: a catalogue product rarely has more than a handful of images. */
    static final int OVERFETCH = 10;
    /** Keeps the over-fetch a k-NN query OpenSearch answers quickly (k at most 200 gives 1,000 at most here). */
    static final int MAX_CANDIDATES = 2_000;

    private ProductGroups() {
    }

    /** How many images to rank so that {@code wanted} products are likely among them. */
    static int candidates(int wanted) {
        return Math.max(wanted, Math.min(MAX_CANDIDATES, wanted * OVERFETCH));
    }

    /** {@code ranked} without the images whose product already has a better-ranked image, order kept. */
    static List<SearchResult.Item> bestPerProduct(List<SearchResult.Item> ranked) {
        Set<String> seen = new HashSet<>();
        return ranked.stream().filter(item -> seen.add(groupOf(item))).toList();
    }

    private static String groupOf(SearchResult.Item item) {
        String collection = item.metadata().path(GalleryIndex.COLLECTION).asText();
        String product = item.metadata().path(GalleryIndex.PRODUCT).asText(null);
        // The separator never occurs in ids, so a product named like an image id is still its own group.
        return product == null ? DocumentId.scoped(collection, item.id()) : collection + DocumentId.SEPARATOR
                + DocumentId.SEPARATOR + product;
    }
}
