package io.cirstream.infratests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brings the clustered infra up before the first class that needs it, once per run, and stops it at the end of the
 * run only if this run started it, so a cluster someone is using is never taken away.
 */
final class ClusterExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterInfra.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("cluster", key -> Lease.acquire(), Lease.class);
    }

    record Lease(boolean startedHere) implements AutoCloseable {
        static Lease acquire() {
            if (ClusterInfra.up()) {
                return new Lease(false);
            }
            long start = System.nanoTime();
            ClusterInfra.start();
            System.out.printf("cluster started for this run in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return new Lease(true);
        }

        @Override
        public void close() {
            if (startedHere) {
                ClusterInfra.stop();
            }
        }
    }
}
