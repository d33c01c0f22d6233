package io.cirstream.infratests;

import io.cirstream.infra.LocalInfrastructure;

import java.util.ArrayList;
import java.util.List;

/**
 * The clustered local infra of {@code infra/infra.sh up --cluster}: its addresses and node control. Ports follow the
 * same {@code CIRSTREAM_CLUSTER_*} variables as the script. Node numbers start at 1.
 */
final class ClusterInfra {
    static final int KAFKA_NODES = 3;
    static final int OPENSEARCH_NODES = 2;

    private ClusterInfra() {
    }

    static String kafkaBootstrap() {
        List<String> servers = new ArrayList<>();
        for (int n = 1; n <= KAFKA_NODES; n++) {
            servers.add("127.0.0.1:" + (base("CIRSTREAM_CLUSTER_KAFKA_PORT_BASE", 19090) + n));
        }
        return String.join(",", servers);
    }

    static String openSearchUrl(int node) {
        return "http://127.0.0.1:" + (base("CIRSTREAM_CLUSTER_OPENSEARCH_PORT_BASE", 19200) + node);
    }

    static boolean up() {
        return LocalInfrastructure.runScript("status", "--cluster") == 0;
    }

    static void start() {
        run("up", "--cluster");
    }

    static void stop() {
        run("down", "--cluster");
    }

    /**
     * Stops a node: gracefully (TERM; a broker hands its leaders over first) or, with {@code crash}, with SIGKILL as a
     * crash would, with no hand-over.
     */
    static void stopNode(String service, int node, boolean crash) {
        if (crash) {
            run("stop-node", service, Integer.toString(node), "--kill");
        } else {
            run("stop-node", service, Integer.toString(node));
        }
    }

    static void startNode(String service, int node) {
        run("start-node", service, Integer.toString(node));
    }

    private static void run(String... args) {
        int rc = LocalInfrastructure.runScript(args);
        if (rc != 0) {
            throw new IllegalStateException("infra/infra.sh " + String.join(" ", args) + " exited with " + rc);
        }
    }

    private static int base(String variable, int fallback) {
        return Integer.parseInt(System.getenv().getOrDefault(variable, Integer.toString(fallback)));
    }
}
