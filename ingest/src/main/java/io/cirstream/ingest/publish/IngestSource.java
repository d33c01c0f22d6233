package io.cirstream.ingest.publish;

import io.cirstream.ingest.event.ImageMetadata;

import java.net.URI;

/**
 * One image to ingest, found on disk or in a manifest.
 *
 * @param origin where it was found, for reports: a path, or {@code manifest.csv:12}
 */
public record IngestSource(String id, URI uri, ImageMetadata metadata, String origin) {
}
