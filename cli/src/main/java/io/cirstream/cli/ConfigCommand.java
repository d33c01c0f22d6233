package io.cirstream.cli;

import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code cirstream config}: prints the configuration in force (secrets masked) or the reference table. */
@Command(name = "config", description = "Show the effective configuration (secrets masked), or --reference.")
final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Option(names = "--reference", description = "print every key with its environment variable and default")
    boolean reference;

    @Override
    public Integer call() {
        if (reference) {
            System.out.println("| key | environment variable | default | description |");
            System.out.println("|---|---|---|---|");
            for (ConfigKey<?> key : ConfigCatalog.all()) {
                System.out.printf("| `%s` | `%s` | `%s` | %s |%n", key.name(), key.envName(),
                        key.defaultValue() == null ? "(required)" : key.defaultValue(), key.description());
            }
            return 0;
        }
        Settings settings = config.load();
        settings.validate(ConfigCatalog.all());
        System.out.print(settings.describe("cirstream", ConfigCatalog.all()));
        return 0;
    }
}
