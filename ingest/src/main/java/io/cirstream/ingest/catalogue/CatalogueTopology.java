package io.cirstream.ingest.catalogue;

import io.cirstream.contract.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * <pre>
 *   source.&lt;name&gt;.topic (bytes; JSON records keyed by product id, tombstone = delete)
 *        │
 *        ▼
 *   map ── product → image ids + fingerprints (store "catalogue-products", changelogged)
 *        │ upserts of new/changed images, tombstones of dropped ones      refused records
 *        ▼                                                                     ▼
 *   gallery                                                              gallery.dlq
 * </pre>
 * Run with exactly-once, so the store, the events and the input offsets commit together: a restart neither loses a
 * delete nor sends one twice.
 */
public final class CatalogueTopology {
    static final String PRODUCT_STORE = "catalogue-products";
    static final String GALLERY = "gallery";
    static final String DEAD_LETTERS = "dead-letters";

    private CatalogueTopology() {
    }

    public static Topology build(CatalogueMapping mapping, Topics topics) {
        Topology topology = new Topology();
        topology.addSource("catalogue", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                mapping.topic());
        topology.addProcessor("map", () -> new CatalogueProcessor(new ProductMapper(mapping)), "catalogue");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PRODUCT_STORE),
                Serdes.String(), Serdes.String()), "map");
        topology.addSink(GALLERY, topics.gallery(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(),
                "map");
        topology.addSink(DEAD_LETTERS, topics.deadLetters(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), "map");
        return topology;
    }
}
