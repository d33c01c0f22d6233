package io.cirstream.ingest.source;

import io.cirstream.publisher.PublisherOptions;

import io.cirstream.contract.event.ImageMetadata;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cirstream ingest PATH...} was asked to do.
 *
 * @param paths            folders, glob patterns, CSV/JSONL image lists or image files
 * @param publisher        where and how to publish; the folders named in {@code paths} are added to its roots
 * @param collection       gallery the images join unless a image list row says otherwise
 * @param progressInterval how often to print progress when stderr is not a terminal
 */
public record IngestOptions(List<String> paths, PublisherOptions publisher, String collection,
                            Duration progressInterval) {

    public IngestOptions {
        paths = List.copyOf(paths);
        Objects.requireNonNull(publisher, "publisher");
        collection = collection == null ? ImageMetadata.DEFAULT_COLLECTION : collection;
        progressInterval = progressInterval == null ? Duration.ofSeconds(10) : progressInterval;
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("ingest needs at least one path");
        }
    }
}
