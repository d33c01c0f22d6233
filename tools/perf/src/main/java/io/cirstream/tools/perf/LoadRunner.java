package io.cirstream.tools.perf;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

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
        return run(concurrency, total, request, (body, n) -> { });
    }

    /** As {@link #run(int, int, IntFunction)}, handing each successful answer's body and request number to {@code answers}. */
    LatencyStats run(int concurrency, int total, IntFunction<HttpRequest> request, ObjIntConsumer<byte[]> answers)
            throws InterruptedException {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        latencies[n] = timed(request.apply(n), n, errors, answers);
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

    private long timed(HttpRequest request, int n, AtomicInteger errors, ObjIntConsumer<byte[]> answers) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = null;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        long elapsed = System.nanoTime() - start;
        if (response != null && response.statusCode() != 200) {
            errors.incrementAndGet();
        } else if (response != null) {
            answers.accept(response.body(), n);
        }
        return elapsed;
    }
}
