package io.cirstream.ingest.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accumulates a split's gallery, leaving out (and reporting) images whose file is missing and ids listed twice,
 * and checks that the images a query names are in it.
 */
final class GalleryBuilder {
    private final ProblemLog log;
    private final List<GalleryImage> images = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    GalleryBuilder(ProblemLog log) {
        this.log = log;
    }

    void add(GalleryImage image, Path listedIn, String location) {
        if (ids.contains(image.id())) {
            log.report(listedIn, location, "gallery image '" + image.id() + "' is listed twice", "keeping the first");
        } else if (!Files.isRegularFile(image.file())) {
            log.report(listedIn, location, "image file not found: " + image.file());
        } else {
            ids.add(image.id());
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

    List<GalleryImage> images() {
        return List.copyOf(images);
    }
}
