package io.cirstream.ingest.replay;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.topic.Topics;
import io.cirstream.imaging.ImageLimits;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code cirstream replay} was asked to do.
 *
 * @param root         the benchmark's folder
 * @param onProblem    continue past malformed entries and missing images (reporting them), or stop at the first
 * @param limit        replay at most this many gallery images (and only the queries they can answer); 0 = all
 * @param rate         gallery events per second; 0 = as fast as possible
 * @param verifyDecode fully decode each gallery image before sending instead of probing its header only
 * @param maxProblems  more problems than this (parse problems and refused images) fail the replay unpublished
 * @param problemsDir  where the file listing every problem goes; null = {@code <java.io.tmpdir>/cirstream-replay}
 */
public record ReplayOptions(Benchmark benchmark, Path root, String split, ParserSettings parser,
                            ProblemLog.Mode onProblem, long limit, double rate, boolean verifyDecode,
                            ImageLimits imageLimits, KafkaConfig kafka, Topics topics, ProblemBound maxProblems,
                            Path problemsDir) {

    public ReplayOptions {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(kafka, "kafka");
        parser = parser == null ? ParserSettings.defaults() : parser;
        onProblem = onProblem == null ? ProblemLog.Mode.CONTINUE : onProblem;
        imageLimits = imageLimits == null ? ImageLimits.DEFAULT : imageLimits;
        topics = topics == null ? Topics.defaults() : topics;
        maxProblems = maxProblems == null ? ProblemBound.DEFAULT : maxProblems;
        problemsDir = problemsDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "cirstream-replay")
                : problemsDir;
        if (split == null || !split.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("split must be a word such as val or test1, got '" + split + "'");
        }
        if (limit < 0 || rate < 0) {
            throw new IllegalArgumentException("limit and rate must be >= 0 (0 = no bound)");
        }
    }

    public ReplayOptions(Benchmark benchmark, Path root, String split, ParserSettings parser,
                         ProblemLog.Mode onProblem, long limit, double rate, boolean verifyDecode,
                         ImageLimits imageLimits, KafkaConfig kafka, Topics topics) {
        this(benchmark, root, split, parser, onProblem, limit, rate, verifyDecode, imageLimits, kafka, topics, null,
                null);
    }

    public static ReplayOptions of(Benchmark benchmark, Path root, String split, KafkaConfig kafka) {
        return new ReplayOptions(benchmark, root, split, null, null, 0, 0, false, null, kafka, null);
    }

    /**
     * {@code <benchmark>-<split>}: the gallery collection, and the name of this replay's topics
     * ({@code gallery.bench.<collection>}, {@code bench.<collection>.queries}, {@code bench.<collection>.receipt}),
     * so splits never share a compacted key space.
     */
    public String collection() {
        return benchmark.id() + "-" + split;
    }

    public ReplayOptions withLimit(long maxGallery) {
        return new ReplayOptions(benchmark, root, split, parser, onProblem, maxGallery, rate, verifyDecode,
                imageLimits, kafka, topics, maxProblems, problemsDir);
    }

    public ReplayOptions withTopics(Topics newTopics) {
        return new ReplayOptions(benchmark, root, split, parser, onProblem, limit, rate, verifyDecode, imageLimits,
                kafka, newTopics, maxProblems, problemsDir);
    }

    public ReplayOptions withParser(ParserSettings newParser) {
        return new ReplayOptions(benchmark, root, split, newParser, onProblem, limit, rate, verifyDecode, imageLimits,
                kafka, topics, maxProblems, problemsDir);
    }

    public ReplayOptions withProblems(ProblemLog.Mode newOnProblem, ProblemBound newMax, Path newDir) {
        return new ReplayOptions(benchmark, root, split, parser, newOnProblem, limit, rate, verifyDecode, imageLimits,
                kafka, topics, newMax, newDir);
    }
}
