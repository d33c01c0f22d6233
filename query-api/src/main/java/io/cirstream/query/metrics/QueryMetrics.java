package io.cirstream.query.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.function.Supplier;

/** The service's meters, exposed in Prometheus text format at {@code /metrics}. */
public final class QueryMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer encode = histogram("cirstream_query_encode", "model inference per request (image, text, composition)");
    private final Timer knn = histogram("cirstream_query_knn", "OpenSearch k-NN round trips");

    public Timer encode() {
        return encode;
    }

    public Timer knn() {
        return knn;
    }

    /** Latency of one HTTP request, tagged by route template, method and status. */
    public void recordRequest(String route, String method, int status, long nanos) {
        Timer.builder("cirstream_http_server_requests").description("HTTP request latency")
                .tags("route", route, "method", method, "status", Integer.toString(status))
                .publishPercentileHistogram().serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(250))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    private Timer histogram(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram().register(registry);
    }
}
