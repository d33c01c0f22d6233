package io.cirstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cirstream.contract.config.ConfigKey;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps docker-compose.yml honest: it cannot run here, but its variables must be ones we read. */
class ConfigCatalogTest {

    @Test
    void everyComposeVariableIsReadBySomeService() throws Exception {
        Path compose = RepoFiles.resolve("docker-compose.yml");
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(compose.toFile()).path("services");
        Set<String> known = ConfigCatalog.all().stream().map(ConfigKey::envName).collect(Collectors.toSet());

        List<String> used = new ArrayList<>();
        services.forEach(service -> service.path("environment").fieldNames().forEachRemaining(name -> {
            if (name.startsWith("CIRSTREAM_")) {
                used.add(name);
            }
        }));

        assertThat(used).as("CIRSTREAM_* variables set in docker-compose.yml").isNotEmpty();
        assertThat(known).as("variables the services read").containsAll(used);
    }

    @Test
    void envNamesAreUniqueAcrossServices() {
        List<String> names = ConfigCatalog.all().stream().map(ConfigKey::envName).toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
