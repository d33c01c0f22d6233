package io.cirstream.contract.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Raw configuration text in three layers, later wins: the keys' defaults, an optional file
 * ({@code .properties} or {@code .yaml}, nested YAML keys are joined with dots), and {@code CIRSTREAM_*}
 * environment variables. Typed access goes through {@link ConfigKey}, so every read is validated.
 */
public final class Settings {
    private final Map<String, String> fileValues;
    private final Map<String, String> environment;
    private final String origin;

    private Settings(Map<String, String> fileValues, Map<String, String> environment, String origin) {
        this.fileValues = Map.copyOf(fileValues);
        this.environment = Map.copyOf(environment);
        this.origin = origin;
    }

    /** Defaults + optional file + the process environment. */
    public static Settings load(Optional<Path> file) {
        return load(file, System.getenv());
    }

    public static Settings load(Optional<Path> file, Map<String, String> environment) {
        Map<String, String> values = file.map(Settings::readFile).orElse(Map.of());
        return new Settings(values, environment, file.map(Path::toString).orElse("defaults + environment"));
    }

    /** Only defaults plus the given overrides (by key name); for tests and embedded use. */
    public static Settings of(Map<String, String> overrides) {
        return new Settings(overrides, Map.of(), "in-process");
    }

    /** A copy with more overrides on top of the file layer (environment still wins). */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(fileValues);
        merged.putAll(overrides);
        return new Settings(merged, environment, origin);
    }

    public <T> T get(ConfigKey<T> key) {
        String raw = raw(key);
        if (raw == null) {
            throw new ConfigException("missing required setting " + key.name() + " (env " + key.envName() + "): "
                    + key.description());
        }
        try {
            return key.parser().apply(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid " + key.name() + " (env " + key.envName() + ") = '"
                    + (key.secret() ? "***" : raw) + "': " + e.getMessage());
        }
    }

    /** The text in force for the key and where it came from. */
    public String raw(ConfigKey<?> key) {
        String env = environment.get(key.envName());
        if (env != null) {
            return env;
        }
        return fileValues.getOrDefault(key.name(), key.defaultValue());
    }

    private String sourceOf(ConfigKey<?> key) {
        if (environment.containsKey(key.envName())) {
            return "env";
        }
        return fileValues.containsKey(key.name()) ? "file" : "default";
    }

    /** A printable listing of the given keys with their values and sources; secrets are masked. */
    public String describe(String title, List<ConfigKey<?>> keys) {
        StringBuilder out = new StringBuilder(title).append(" configuration (").append(origin).append("):\n");
        Map<String, ConfigKey<?>> sorted = new TreeMap<>();
        keys.forEach(k -> sorted.put(k.name(), k));
        for (ConfigKey<?> key : sorted.values()) {
            String value = raw(key);
            String shown = key.secret() && value != null && !value.isEmpty() ? "****" : String.valueOf(value);
            out.append(String.format("  %-34s = %-40s [%s]%n", key.name(), shown, sourceOf(key)));
        }
        under(KafkaConfig.CLIENT_PREFIX).forEach((name, value) -> out.append(String.format("  %-34s = %-40s [%s]%n",
                KafkaConfig.CLIENT_PREFIX + "." + name, KafkaConfig.isSecret(name) ? "****" : value, "pass-through")));
        return out.toString();
    }

    /**
     * Free-form keys under a prefix, for pass-through settings whose names belong to another system (Kafka's client
     * settings): {@code <prefix>.<name>} from the file, overridden by {@code CIRSTREAM_<PREFIX>_<NAME>} from the
     * environment, where the name's underscores stand for dots ({@code CIRSTREAM_KAFKA_CLIENT_SASL_MECHANISM} is
     * {@code sasl.mechanism}). Keys in the result have the prefix removed.
     */
    public Map<String, String> under(String prefix) {
        String dotted = prefix + ".";
        String envPrefix = "CIRSTREAM_" + prefix.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_') + "_";
        Map<String, String> out = new TreeMap<>();
        fileValues.forEach((k, v) -> {
            if (k.startsWith(dotted) && k.length() > dotted.length()) {
                out.put(k.substring(dotted.length()), v);
            }
        });
        environment.forEach((k, v) -> {
            if (k.startsWith(envPrefix) && k.length() > envPrefix.length()) {
                out.put(k.substring(envPrefix.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), v);
            }
        });
        return out;
    }

    /** Validates every key eagerly so a bad value fails at start, not on first use. */
    public void validate(List<ConfigKey<?>> keys) {
        keys.forEach(this::get);
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        String name = file.getFileName().toString();
        try {
            return name.endsWith(".yaml") || name.endsWith(".yml") ? readYaml(file) : readProperties(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        Map<String, String> out = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }

    /**
     * A key given twice (a second {@code kafka:} block, or {@code kafka.bootstrap} beside {@code kafka: {bootstrap:}})
     * fails here: YAML parsers otherwise keep the last one, and half of a block would be dropped without a word.
     */
    private static Map<String, String> readYaml(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + ": " + e.getOriginalMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root != null) {
            flatten(file, "", root, out);
        }
        return out;
    }

    private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(file, prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
            return;
        }
        String value;
        if (node.isArray()) {
            List<String> items = new java.util.ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            value = String.join(",", items);
        } else {
            value = node.asText();
        }
        if (out.putIfAbsent(prefix, value) != null) {
            throw new ConfigException("config file " + file + " sets " + prefix + " twice");
        }
    }
}
