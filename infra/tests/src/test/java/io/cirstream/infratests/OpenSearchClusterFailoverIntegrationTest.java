package io.cirstream.infratests;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2-node OpenSearch cluster loses a node and still answers every search: an index with 2 shards and 1 replica
 * has a copy of every shard on each node. The node killed is the one that is not the elected cluster manager, since
 * a 2-node cluster has a single vote (docs/operations.md); the client asks the surviving node.
 */
@ExtendWith(ClusterExtension.class)
@IntegrationTest
class OpenSearchClusterFailoverIntegrationTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int BEFORE = 200;
    private static final int DURING = 50;

    @Test
    void searchesAnswerAllDocumentsWhileOneNodeIsDown() throws InterruptedException {
        String index = LocalInfra.uniqueName("cluster-os");
        OpenSearchHttp any = new OpenSearchHttp(ClusterInfra.openSearchUrl(1));
        any.put("/" + index, "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":1}}");
        any.get("/_cluster/health/" + index + "?wait_for_status=green&timeout=60s");
        bulk(any, index, 0, BEFORE);

        int manager = managerNode(any);
        int victim = manager == 1 ? 2 : 1;
        OpenSearchHttp survivor = new OpenSearchHttp(ClusterInfra.openSearchUrl(manager));
        try {
            ClusterInfra.stopNode("opensearch", victim, true);
            long stopped = System.nanoTime();
            Await.until(LIMIT, "a search of all " + BEFORE + " documents with no failed shard",
                    () -> survivor.get("/" + index + "/_search?size=0&track_total_hits=true"),
                    r -> r.path("_shards").path("failed").asInt() == 0 && total(r) == BEFORE);
            System.out.printf("opensearch: node %d killed; all %d documents found again after %.1f s%n",
                    victim, BEFORE, (System.nanoTime() - stopped) / 1e9);
            JsonNode health = Await.until(LIMIT, "yellow health with one node",
                    () -> survivor.get("/_cluster/health/" + index), h -> h.path("status").asText().equals("yellow")
                            && h.path("number_of_nodes").asInt() == 1);
            assertThat(health.path("unassigned_shards").asInt()).isEqualTo(2);

            bulk(survivor, index, BEFORE, DURING);
            assertThat(total(survivor.get("/" + index + "/_search?size=0&track_total_hits=true"))).isEqualTo(BEFORE + DURING);
        } finally {
            ClusterInfra.startNode("opensearch", victim);
        }
        long restarted = System.nanoTime();
        survivor.get("/_cluster/health/" + index + "?wait_for_status=green&timeout=" + LIMIT.toSeconds() + "s");
        System.out.printf("opensearch: green again %.1f s after node %d was back%n", (System.nanoTime() - restarted) / 1e9, victim);
        OpenSearchHttp rejoined = new OpenSearchHttp(ClusterInfra.openSearchUrl(victim));
        assertThat(total(rejoined.get("/" + index + "/_search?size=0&track_total_hits=true"))).isEqualTo(BEFORE + DURING);
        any.delete("/" + index);
    }

    private static int managerNode(OpenSearchHttp node) {
        String name = node.get("/_cat/cluster_manager?format=json").path(0).path("node").asText();
        assertThat(name).startsWith("cirstream-cluster-node-");
        return Integer.parseInt(name.substring("cirstream-cluster-node-".length()));
    }

    private static void bulk(OpenSearchHttp node, String index, int from, int count) {
        StringBuilder body = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            body.append("{\"index\":{\"_id\":\"").append(i).append("\"}}\n{\"n\":").append(i).append("}\n");
        }
        JsonNode result = node.post("/" + index + "/_bulk?refresh=true", body.toString());
        assertThat(result.path("errors").asBoolean()).as("bulk errors: %s", result).isFalse();
    }

    private static long total(JsonNode searchResponse) {
        return searchResponse.path("hits").path("total").path("value").asLong();
    }
}
