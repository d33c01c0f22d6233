package io.cirstream.contract.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed configuration setting. Services declare their keys as constants so that the full set can be
 * listed (documentation, the docker-compose check) and every value is parsed and validated in one place.
 *
 * @param name         dotted name used in config files, e.g. {@code kafka.bootstrap}
 * @param defaultValue textual default; {@code null} means the key is required
 * @param parser       turns the text into the typed value, throwing {@link IllegalArgumentException} with a reason
 * @param secret       masked when the configuration is printed
 * @param description  one line for the configuration reference
 */
public record ConfigKey<T>(String name, String defaultValue, Function<String, T> parser, boolean secret,
                           String description) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
        if (!name.matches("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("config key names are lower-case dotted words: " + name);
        }
    }

    /** The environment variable that overrides this key: {@code kafka.bootstrap} → {@code CIRSTREAM_KAFKA_BOOTSTRAP}. */
    public String envName() {
        return "CIRSTREAM_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static ConfigKey<String> string(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, defaultValue, ConfigKey::nonBlank, false, description);
    }

    public static ConfigKey<String> secret(String name, String description) {
        return new ConfigKey<>(name, "", s -> s, true, description);
    }

    public static ConfigKey<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new ConfigKey<>(name, Integer.toString(defaultValue), s -> boundedInt(s, min, max), false, description);
    }

    public static ConfigKey<Long> longValue(String name, long defaultValue, long min, long max, String description) {
        return new ConfigKey<>(name, Long.toString(defaultValue), s -> boundedLong(s, min, max), false, description);
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, Boolean.toString(defaultValue), ConfigKey::parseBool, false, description);
    }

    /** Comma-separated words; blanks around items are dropped and empty text is an empty list. */
    public static ConfigKey<List<String>> stringList(String name, String description) {
        return new ConfigKey<>(name, "", ConfigKey::items, false, description);
    }

    /** Comma-separated paths; empty text is an empty list. */
    public static ConfigKey<List<Path>> pathList(String name, String description) {
        return new ConfigKey<>(name, "", s -> items(s).stream().map(Path::of).toList(), false, description);
    }

    private static List<String> items(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String nonBlank(String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return s.strip();
    }

    private static int boundedInt(String s, int min, int max) {
        return Math.toIntExact(boundedLong(s, min, max));
    }

    private static long boundedLong(String s, long min, long max) {
        long v;
        try {
            v = Long.parseLong(s.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return v;
    }

    private static boolean parseBool(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
