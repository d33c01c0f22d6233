package io.cirstream.ingest.catalogue;

import io.cirstream.contract.config.Settings;

import java.util.HashMap;
import java.util.Map;

/** The mapping the catalogue tests share: a shop topic with products, image lists, stock and status. */
final class Catalogues {
    private Catalogues() {
    }

    static CatalogueMapping shop(String topic) {
        return CatalogueMapping.from(Settings.of(keys(topic)), "shop");
    }

    static Map<String, String> keys(String topic) {
        Map<String, String> keys = new HashMap<>();
        keys.put("source.shop.topic", topic);
        keys.put("source.shop.id", "/sku");
        keys.put("source.shop.image-urls", "/media/images");
        keys.put("source.shop.collection", "shop");
        keys.put("source.shop.delete-when", "/in_stock == false || /status == \"deleted\"");
        keys.put("source.shop.metadata.category", "/category");
        keys.put("source.shop.metadata.tags", "/labels");
        keys.put("source.shop.metadata.attributes.colour", "/attrs/colour");
        keys.put("source.shop.metadata.attributes.price", "/price");
        return keys;
    }
}
