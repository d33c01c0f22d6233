package io.cirstream.tools.perf;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop load: {@code concurrency} virtual-thread clients each send their next request as soon as
 * the previous one is answered, until {@code total} requests are done. Latency is per request, throughput
 * is completed requests over wall time.
 */
final class LoadRunner {

    private final HttpClient http;

    LoadRunner(HttpClient http) {
        this.http = http;
    }

    LatencyStats run(int concurrency, int total, IntFunction<HttpRequest> request) throws InterruptedException {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        latencies[n] = timed(request.apply(n), errors);
                    }
                });
            }
            clients.shutdown();
            if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("load run did not finish within 10 minutes");
            }
        }
        return LatencyStats.of(latencies, errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private long timed(HttpRequest request, AtomicInteger errors) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        return System.nanoTime() - start;
    }
}
