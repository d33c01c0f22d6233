package io.cirstream.ingest.replay;

import java.nio.file.Path;

/**
 * One gallery image of a benchmark split.
 *
 * @param category FashionIQ category or PatternNet class; null where the benchmark has none
 */
public record GalleryImage(String id, Path file, String category) {
}
