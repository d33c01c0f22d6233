package io.cirstream.tools.perf;

import io.cirstream.tools.perf.stages.CpuProfiler;
import io.cirstream.tools.perf.stages.PipelineStage;
import io.cirstream.tools.perf.stages.StageAttribution;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One profiled phase of an embedder perf run: CPU samples of this JVM by stage, plus the CPU the local Kafka broker
 * and OpenSearch node spent over the same wall-clock window (read from /proc, so their figure includes anything else
 * they did meanwhile, which in a perf run is serving this pipeline).
 */
final class StageProfile {
    private static final Duration INTERVAL = Duration.ofMillis(1);
    private static final String KAFKA_MAIN = "kafka.Kafka";
    private static final String OPENSEARCH_MAIN = "org.opensearch.bootstrap.OpenSearch";

    private final CpuProfiler profiler;
    private final OptionalLong kafka = LocalProcess.find(KAFKA_MAIN);
    private final OptionalLong openSearch = LocalProcess.find(OPENSEARCH_MAIN);
    private final long kafkaStart = LocalProcess.cpuNanos(kafka);
    private final long openSearchStart = LocalProcess.cpuNanos(openSearch);

    private StageProfile(CpuProfiler profiler) {
        this.profiler = profiler;
    }

    static StageProfile start() {
        return new StageProfile(CpuProfiler.start(INTERVAL));
    }

    /** Stops sampling and renders the per-image table and the heaviest stacks of the costliest stages. */
    String stop(long images) {
        long kafkaCpu = LocalProcess.cpuNanos(kafka) - kafkaStart;
        long openSearchCpu = LocalProcess.cpuNanos(openSearch) - openSearchStart;
        CpuProfiler.Samples profile = profiler.stop();
        StageAttribution stages = StageAttribution.of(profile);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nCPU per image by stage (async-profiler itimer samples, %d, weighted by this JVM's process CPU, %.1f s, "
                        + "%d images):%n%n", profile.total(), profile.processCpu().toNanos() / 1e9, images));
        out.append(stages.table(images));
        out.append(otherProcess("Kafka broker (process CPU, /proc)", kafkaCpu, images));
        out.append(otherProcess("OpenSearch node: bulk indexing, refresh, merges (process CPU, /proc)", openSearchCpu,
                images));
        for (PipelineStage stage : new PipelineStage[] {PipelineStage.ENCODE, PipelineStage.DECODE,
                PipelineStage.PREPROCESS, PipelineStage.PRODUCE, PipelineStage.BULK_INDEX, PipelineStage.STATE,
                PipelineStage.PARSE, PipelineStage.JIT, PipelineStage.OTHER}) {
            out.append(String.format(Locale.ROOT, "%nheaviest stacks, %s:%n", stage.label())).append(stages.top(stage, 5));
        }
        return out.toString();
    }

    private static String otherProcess(String label, long cpuNanos, long images) {
        return cpuNanos < 0 ? String.format(Locale.ROOT, "| %s | – | not on this host | – |%n", label)
                : String.format(Locale.ROOT, "| %s | – | %.0f | – |%n", label, cpuNanos / 1_000.0 / images);
    }
}
