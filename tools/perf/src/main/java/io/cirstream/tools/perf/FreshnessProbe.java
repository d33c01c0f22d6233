package io.cirstream.tools.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.opensearch.OpenSearchClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Measures produce-to-searchable time: ids are registered when sent, and a poller searches (not gets: a get is
 * real-time, a search only sees refreshed segments) for the pending ids every few milliseconds.
 */
final class FreshnessProbe {
    private static final int POLL_MS = 20;
    private final OpenSearchClient client;
    private final String alias;
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final List<Double> latenciesMs = new ArrayList<>();

    FreshnessProbe(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    void sent(String id) {
        sentNanos.put(id, System.nanoTime());
    }

    /** Polls until sending is over and every sent id is searchable, or the deadline passes; latencies in ms. */
    List<Double> awaitAll(BooleanSupplier sending, long deadlineNanos) throws InterruptedException {
        while ((sending.getAsBoolean() || !sentNanos.isEmpty()) && System.nanoTime() < deadlineNanos) {
            pollOnce();
            Thread.sleep(POLL_MS);
        }
        return latenciesMs;
    }

    void pollOnce() {
        List<String> pending = sentNanos.keySet().stream().limit(500).toList();
        if (pending.isEmpty()) {
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode().put("size", pending.size()).put("_source", false);
        pending.forEach(body.putObject("query").putObject("ids").putArray("values")::add);
        JsonNode hits = client.call("POST", "/" + alias + "/_search", body.toString()).path("hits").path("hits");
        long now = System.nanoTime();
        for (JsonNode hit : hits) {
            Long sent = sentNanos.remove(hit.path("_id").asText());
            if (sent != null) {
                latenciesMs.add((now - sent) / 1e6);
            }
        }
    }

    int pending() {
        return sentNanos.size();
    }
}
