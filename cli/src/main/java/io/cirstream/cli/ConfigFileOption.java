package io.cirstream.cli;

import io.cirstream.contract.config.Settings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code --config FILE} for every service command: defaults + file + CIRSTREAM_* environment. */
final class ConfigFileOption {
    @Option(names = "--config", description = "a .properties or .yaml configuration file")
    Path file;

    Settings load() {
        return Settings.load(Optional.ofNullable(file));
    }

    /** The settings with command-line values layered over the file (the environment still wins). */
    Settings load(Map<String, String> commandLineOverrides) {
        return load().with(commandLineOverrides);
    }
}
