package io.cirstream.ingest.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accumulates a split's gallery, leaving out (and reporting) images whose file is missing and ids listed twice
 * in the same category, and checks that the images a query names are in it. An id listed in two categories
 * (FashionIQ shares ASINs between shirt and toptee) belongs to both galleries and is kept in each.
 */
final class GalleryBuilder {
    private record Listing(String category, String id) {
    }

    private final ProblemLog log;
    private final List<GalleryImage> images = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Set<Listing> listings = new HashSet<>();

    GalleryBuilder(ProblemLog log) {
        this.log = log;
    }

    void add(GalleryImage image, Path listedIn, String location) {
        Listing listing = new Listing(image.category(), image.id());
        if (listings.contains(listing)) {
            log.report(listedIn, location, "gallery image '" + image.id() + "' is listed twice"
                    + (image.category() == null ? "" : " in " + image.category()), "keeping the first");
        } else if (!Files.isRegularFile(image.file())) {
            log.report(listedIn, location, "image file not found: " + image.file());
        } else {
            ids.add(image.id());
            listings.add(listing);
            images.add(image);
        }
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    /** Skips the entry when one of the named images is not in the gallery: the query could not be answered. */
    void requireMembers(Entry entry, String role, Collection<String> members) {
        for (String id : members) {
            if (!ids.contains(id)) {
                entry.skip(role + " '" + id + "' is not in the split gallery");
            }
        }
    }

    /** As {@link #requireMembers(Entry, String, Collection)}, within one category's gallery. */
    void requireMembers(Entry entry, String role, Collection<String> members, String category) {
        for (String id : members) {
            if (!listings.contains(new Listing(category, id))) {
                entry.skip(role + " '" + id + "' is not in the " + category + " split gallery");
            }
        }
    }

    /** The gallery in listing order; an id in several categories appears once per category. */
    List<GalleryImage> images() {
        return List.copyOf(images);
    }
}
