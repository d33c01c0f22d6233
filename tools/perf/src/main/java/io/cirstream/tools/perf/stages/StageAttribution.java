package io.cirstream.tools.perf.stages;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** CPU samples grouped by {@link PipelineStage}, and the per-image table made from them. */
public final class StageAttribution {
    private final Map<PipelineStage, Long> samples;
    private final CpuProfiler.Samples source;

    private StageAttribution(Map<PipelineStage, Long> samples, CpuProfiler.Samples source) {
        this.samples = samples;
        this.source = source;
    }

    public static StageAttribution of(CpuProfiler.Samples profile) {
        Map<PipelineStage, Long> byStage = new EnumMap<>(PipelineStage.class);
        profile.stacks().forEach((stack, count) -> byStage.merge(stageOf(stack), count, Long::sum));
        return new StageAttribution(byStage, profile);
    }

    static PipelineStage stageOf(String stack) {
        for (PipelineStage stage : PipelineStage.values()) {
            if (stage != PipelineStage.OTHER && stage.matches(stack)) {
                return stage;
            }
        }
        return PipelineStage.OTHER;
    }

    public long samples(PipelineStage stage) {
        return samples.getOrDefault(stage, 0L);
    }

    /** CPU microseconds per image that the stage's samples stand for (their share of the process CPU). */
    public double microsPerImage(PipelineStage stage, long images) {
        return samples(stage) * source.microsPerSample() / images;
    }

    /** The pipeline's own cost: every stage but the harness. */
    public double pipelineMicrosPerImage(long images) {
        double total = 0;
        for (PipelineStage stage : PipelineStage.values()) {
            total += stage == PipelineStage.HARNESS ? 0 : microsPerImage(stage, images);
        }
        return total;
    }

    /** A markdown table: stage, samples, CPU µs per image, share of the pipeline's CPU. */
    public String table(long images) {
        double pipeline = pipelineMicrosPerImage(images);
        StringBuilder out = new StringBuilder("| stage | samples | CPU µs/image | share |\n|---|---:|---:|---:|\n");
        for (PipelineStage stage : PipelineStage.values()) {
            double micros = microsPerImage(stage, images);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %s |%n", stage.label(), samples(stage), micros,
                    stage == PipelineStage.HARNESS ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * micros / pipeline)));
        }
        out.append(String.format(Locale.ROOT, "| **embedder process, total** | %d | **%.0f** | 100%% |%n",
                source.total() - samples(PipelineStage.HARNESS), pipeline));
        // A short run pays for compiling the stream path; a service that has run for a while no longer does.
        double steady = pipeline - microsPerImage(PipelineStage.JIT, images);
        return out.append(String.format(Locale.ROOT, "| **embedder process, without JIT compilation** | %d | **%.0f** | %.1f%% |%n",
                source.total() - samples(PipelineStage.HARNESS) - samples(PipelineStage.JIT), steady,
                100 * steady / pipeline)).toString();
    }

    /** The heaviest stacks of one stage, for finding what to fix next. */
    public String top(PipelineStage stage, int n) {
        StringBuilder out = new StringBuilder();
        source.stacks().entrySet().stream().filter(e -> stageOf(e.getKey()) == stage)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), tail(e.getKey(), 6))));
        return out.toString();
    }

    private static String tail(String stack, int frames) {
        String[] parts = stack.split(";");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = Math.max(1, parts.length - frames); i < parts.length; i++) {
            out.append(" > ").append(parts[i]);
        }
        return out.toString();
    }
}
