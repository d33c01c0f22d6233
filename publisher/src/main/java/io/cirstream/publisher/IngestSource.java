package io.cirstream.publisher;

import io.cirstream.contract.event.ImageMetadata;

import java.net.URI;

/**
 * One image to ingest, found on disk or in a image list.
 *
 * @param origin where it was found, for reports: a path, or {@code image list.csv:12}
 */
public record IngestSource(String id, URI uri, ImageMetadata metadata, String origin) {
}
