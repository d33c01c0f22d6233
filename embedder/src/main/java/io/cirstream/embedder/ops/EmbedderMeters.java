package io.cirstream.embedder.ops;

import io.cirstream.embedder.stream.EmbedderMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.streams.KafkaStreams;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * The embedder's Prometheus registry: its own counters ({@link EmbedderMetrics}) as {@code cirstream_embedder_*},
 * Kafka Streams' and the sink consumer's client metrics (throughput, commit latency and consumer lag, as
 * {@code kafka_*}), and the JVM's.
 */
public final class EmbedderMeters implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final LagGauges streamLag;
    private final LagGauges sinkLag;

    public EmbedderMeters(EmbedderMetrics metrics) {
        // The clients' own records-lag series are stale while a consumer is paused and come twice for dotted topic
        // names (dotted and underscored); the lag gauges below replace them.
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("kafka.consumer.fetch.manager.records.lag"));
        streamLag = new LagGauges(registry, "stream", "records on the gallery topics not yet committed as read by the stream");
        sinkLag = new LagGauges(registry, "sink", "records on the vectors topic not yet committed as indexed by the sink");
        counter("records_in", "gallery records read (upserts and tombstones)", metrics, EmbedderMetrics.Snapshot::recordsIn);
        counter("vectors_out", "vectors written to the vectors topic", metrics, EmbedderMetrics.Snapshot::vectorsOut);
        counter("tombstones", "deletes forwarded", metrics, EmbedderMetrics.Snapshot::tombstones);
        counter("dead_letters", "records sent to the dead-letter topic", metrics, EmbedderMetrics.Snapshot::deadLetters);
        counter("batches", "encoder batches", metrics, EmbedderMetrics.Snapshot::batches);
        counter("batched_images", "images in encoder batches (divide by batches for the fill)", metrics,
                EmbedderMetrics.Snapshot::batchedItems);
        counter("encode_seconds", "time spent in the image encoder", metrics, s -> s.encodeNanos() / 1e9);
        counter("indexed_documents", "documents written to OpenSearch by the sink", metrics,
                EmbedderMetrics.Snapshot::indexed);
        counter("version_conflicts", "sink writes refused as older than the stored document", metrics,
                EmbedderMetrics.Snapshot::versionConflicts);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
    }

    public void bindStreams(KafkaStreams streams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        bind(binder, binder::close);
    }

    /** Binds the in-process sink consumer's client metrics ({@code VectorIndexer.clientMetrics()}). */
    public void bindSinkConsumer(KafkaClientMetrics binder) {
        bind(binder, binder::close);
    }

    /** Measures the stream's consumer-group lag from now on (every {@code interval}, from the broker's offsets). */
    public void trackStreamLag(GroupLag lag, Duration interval) {
        streamLag.track(lag, interval);
    }

    /** Measures the sink's consumer-group lag from now on. */
    public void trackSinkLag(GroupLag lag, Duration interval) {
        sinkLag.track(lag, interval);
    }

    /** Records on the gallery topics the stream has not committed yet; empty before the first measurement. */
    public OptionalLong streamLag() {
        return streamLag.total();
    }

    /** Records on the vectors topic the sink has not committed yet; empty before the first measurement. */
    public OptionalLong sinkLag() {
        return sinkLag.total();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Binds Kafka's client metrics; {@code close} (run at our close) stops their refresh. */
    private void bind(MeterBinder binder, Runnable close) {
        binder.bindTo(registry);
        binders.add(close::run);
    }

    private void counter(String name, String description, EmbedderMetrics metrics,
                         ToDoubleFunction<EmbedderMetrics.Snapshot> value) {
        FunctionCounter.builder("cirstream_embedder_" + name, metrics, m -> value.applyAsDouble(m.snapshot()))
                .description(description).register(registry);
    }

    @Override
    public void close() {
        streamLag.close();
        sinkLag.close();
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // closing a metrics binder only stops its scheduler; nothing to recover
            }
        }
        registry.close();
    }
}
