package io.cirstream.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Keeps long-running services alive until Ctrl-C / SIGTERM, then closes them in reverse start order. */
final class ServiceLifetime {
    private ServiceLifetime() {
    }

    static void runUntilStopped(AutoCloseable... services) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<AutoCloseable> reversed = List.of(services).reversed();
            for (AutoCloseable service : reversed) {
                try {
                    service.close();
                } catch (Exception e) {
                    System.err.println("closing " + service + " failed: " + e.getMessage());
                }
            }
            stopped.countDown();
        }, "cirstream-shutdown"));
        stopped.await();
    }
}
