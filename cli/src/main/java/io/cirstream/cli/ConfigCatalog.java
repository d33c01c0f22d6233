package io.cirstream.cli;

import io.cirstream.indexer.IndexerService;

import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.publisher.IngestConfig;
import io.cirstream.query.app.QueryApiConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every configuration key any cirstream service reads; the source of the configuration reference. */
final class ConfigCatalog {
    private ConfigCatalog() {
    }

    static List<ConfigKey<?>> all() {
        // Services list the shared kafka.* / opensearch.* keys too: keep each name once.
        Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();
        for (List<ConfigKey<?>> group : List.of(KafkaConfig.KEYS, OpenSearchConfig.KEYS, IngestConfig.KEYS,
                EmbedderConfig.KEYS, IndexerService.KEYS, QueryApiConfig.KEYS)) {
            group.forEach(key -> keys.putIfAbsent(key.name(), key));
        }
        return List.copyOf(keys.values());
    }
}
