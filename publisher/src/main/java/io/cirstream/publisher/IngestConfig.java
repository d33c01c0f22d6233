package io.cirstream.publisher;

import io.cirstream.imaging.ImageConfig;

import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.imaging.ImageLimits;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The configuration keys of image ingest (CLI, HTTP endpoint, replay) and the {@link PublisherOptions} they make. */
public final class IngestConfig {

    public static final ConfigKey<List<String>> ALLOWED_SCHEMES = ConfigKey.stringList("ingest.allowed-schemes",
            "comma-separated URI schemes besides file: passed through by reference, unvalidated (default: none)");
    public static final ConfigKey<Long> MAX_BYTES = ConfigKey.longValue("ingest.max-bytes",
            ImageLimits.DEFAULT.maxBytes(), 1, Long.MAX_VALUE, "largest image file accepted, in bytes");
    public static final ConfigKey<Long> MAX_PIXELS = ConfigKey.longValue("ingest.max-pixels",
            ImageLimits.DEFAULT.maxPixels(), 1, Long.MAX_VALUE, "largest image accepted, in pixels (width x height)");
    public static final ConfigKey<Long> INLINE_LIMIT = ConfigKey.longValue("ingest.inline-limit",
            PublisherOptions.DEFAULT_INLINE_LIMIT, 1, ImageRef.MAX_INLINE_BYTES,
            "images up to this many bytes travel inside the event; larger files by file: URI");
    public static final ConfigKey<Boolean> VERIFY_DECODE = ConfigKey.bool("ingest.verify-decode", true,
            "decode every image before publishing (finds damaged pixel data) instead of checking its header only");
    public static final ConfigKey<Integer> RATE = ConfigKey.integer("ingest.rate", 0, 0, 1_000_000,
            "most images published per second; 0 = unlimited");

    public static final List<ConfigKey<?>> KEYS =
            List.of(ImageConfig.ALLOWED_ROOTS, ALLOWED_SCHEMES, MAX_BYTES, MAX_PIXELS, INLINE_LIMIT, VERIFY_DECODE, RATE);

    private IngestConfig() {
    }

    public static PublisherOptions publisherOptions(Settings settings, String topic) {
        List<Path> roots = settings.get(ImageConfig.ALLOWED_ROOTS);
        Set<String> schemes = settings.get(ALLOWED_SCHEMES).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new PublisherOptions(KafkaConfig.from(settings), topic,
                new ImageLimits(settings.get(MAX_BYTES), settings.get(MAX_PIXELS)), roots, schemes,
                settings.get(INLINE_LIMIT), settings.get(VERIFY_DECODE), settings.get(RATE), null);
    }
}
