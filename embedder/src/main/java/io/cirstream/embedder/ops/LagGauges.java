package io.cirstream.embedder.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lag of one consumer group as Prometheus gauges: {@code cirstream_embedder_<role>_lag} (the sum) and
 * {@code cirstream_embedder_partition_lag{role, topic, partition}} (one series per partition), refreshed in the
 * background from {@link GroupLag}. When Kafka does not answer the last values stay, marked stale by
 * {@code cirstream_embedder_<role>_lag_age_seconds}, rather than dropping to zero.
 */
final class LagGauges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LagGauges.class);

    private final MeterRegistry registry;
    private final String role;
    private final AtomicReference<List<GroupLag.PartitionLag>> latest = new AtomicReference<>();
    private final Map<String, Long> byPartition = new ConcurrentHashMap<>();
    private volatile long measuredAtMs;
    private volatile boolean warned;
    private ScheduledExecutorService scheduler;
    private GroupLag lag;

    LagGauges(MeterRegistry registry, String role, String description) {
        this.registry = registry;
        this.role = role;
        Gauge.builder("cirstream_embedder_" + role + "_lag", this, g -> g.total().isPresent() ? g.total().getAsLong() : Double.NaN)
                .description(description + " (sum over partitions, from committed offsets)").register(registry);
        Gauge.builder("cirstream_embedder_" + role + "_lag_age_seconds", this,
                        g -> g.measuredAtMs == 0 ? Double.NaN : (System.currentTimeMillis() - g.measuredAtMs) / 1000.0)
                .description("seconds since the " + role + " lag was last measured").register(registry);
    }

    synchronized void track(GroupLag lag, Duration interval) {
        close();
        this.lag = lag;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("embedder-" + role + "-lag").unstarted(r));
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Measures once now; also what the scheduler runs. */
    void refresh() {
        GroupLag current = lag;
        if (current == null) {
            return;
        }
        try {
            List<GroupLag.PartitionLag> lags = current.measure();
            for (GroupLag.PartitionLag p : lags) {
                String key = p.topic() + "\u0000" + p.partition();
                if (byPartition.put(key, p.lag()) == null) {
                    Gauge.builder("cirstream_embedder_partition_lag", byPartition, m -> m.getOrDefault(key, 0L))
                            .description("records not yet committed by the consumer group, per partition")
                            .tags("role", role, "topic", p.topic(), "partition", Integer.toString(p.partition()))
                            .register(registry);
                }
            }
            latest.set(lags);
            measuredAtMs = System.currentTimeMillis();
            warned = false;
        } catch (GroupLag.LagUnavailableException e) {
            if (!warned) {
                LOG.warn("{} lag not measured ({}); keeping the last values until Kafka answers", role, e.getMessage());
                warned = true;
            }
        } catch (RuntimeException e) {
            LOG.warn("{} lag not measured: {}", role, e.toString());
        }
    }

    OptionalLong total() {
        List<GroupLag.PartitionLag> lags = latest.get();
        return lags == null ? OptionalLong.empty() : OptionalLong.of(GroupLag.total(lags));
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (lag != null) {
            lag.close();
            lag = null;
        }
    }
}
