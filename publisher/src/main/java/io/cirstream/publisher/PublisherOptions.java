package io.cirstream.publisher;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.imaging.ImageLimits;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link GalleryPublisher} validates and sends.
 *
 * @param topic          the gallery topic to write (live or a benchmark's)
 * @param allowedRoots   {@code file:} URIs must resolve (symlinks followed) under one of these directories
 * @param allowedSchemes other URI schemes that are passed through by reference, unvalidated (empty: none)
 * @param inlineLimit    files up to this size travel inside the event; larger ones by {@code file:} URI
 * @param verifyDecode   decode every image fully before sending (finds damaged pixel data, costs CPU);
 *                       when false only the header is probed
 * @param ratePerSecond  upper bound on events sent per second; 0 = unlimited
 */
public record PublisherOptions(KafkaConfig kafka, String topic, ImageLimits limits, List<Path> allowedRoots,
                               Set<String> allowedSchemes, long inlineLimit, boolean verifyDecode,
                               double ratePerSecond, String clientId) {

    public static final long DEFAULT_INLINE_LIMIT = 2L * 1024 * 1024;

    public PublisherOptions {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(limits, "limits");
        allowedRoots = List.copyOf(allowedRoots);
        allowedSchemes = Set.copyOf(allowedSchemes);
        clientId = clientId == null ? "cirstream-ingest" : clientId;
        if (inlineLimit <= 0 || inlineLimit > ImageRef.MAX_INLINE_BYTES) {
            throw new IllegalArgumentException("inlineLimit must be within 1.."
                    + ImageRef.MAX_INLINE_BYTES + ", got " + inlineLimit);
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("ratePerSecond must be >= 0 (0 = unlimited), got " + ratePerSecond);
        }
    }

    /** Full decode, default limits, no roots, no extra schemes, unlimited rate. */
    public static PublisherOptions defaults(KafkaConfig kafka, String topic) {
        return new PublisherOptions(kafka, topic, ImageLimits.DEFAULT, List.of(), Set.of(), DEFAULT_INLINE_LIMIT,
                true, 0, null);
    }

    public PublisherOptions withAllowedRoots(List<Path> roots) {
        return new PublisherOptions(kafka, topic, limits, roots, allowedSchemes, inlineLimit, verifyDecode,
                ratePerSecond, clientId);
    }

    public PublisherOptions withLimits(ImageLimits newLimits) {
        return new PublisherOptions(kafka, topic, newLimits, allowedRoots, allowedSchemes, inlineLimit, verifyDecode,
                ratePerSecond, clientId);
    }

    public PublisherOptions withRate(double eventsPerSecond) {
        return new PublisherOptions(kafka, topic, limits, allowedRoots, allowedSchemes, inlineLimit, verifyDecode,
                eventsPerSecond, clientId);
    }

    public PublisherOptions withVerifyDecode(boolean decode) {
        return new PublisherOptions(kafka, topic, limits, allowedRoots, allowedSchemes, inlineLimit, decode,
                ratePerSecond, clientId);
    }
}
