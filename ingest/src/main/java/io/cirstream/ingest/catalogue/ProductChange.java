package io.cirstream.ingest.catalogue;

import io.cirstream.contract.event.GalleryEvent;

import java.util.List;

/** What one catalogue record means for the gallery: a product's images are now exactly these, or it is gone. */
public sealed interface ProductChange {
    String product();

    /** The product's images are exactly {@code images} (an empty list removes them all). */
    record Replace(String product, List<GalleryEvent> images) implements ProductChange {
        public Replace {
            images = List.copyOf(images);
        }
    }

    /** A tombstone or a record the delete rule matches: every image of the product goes. */
    record Remove(String product) implements ProductChange {
    }
}
