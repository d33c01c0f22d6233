package io.cirstream.cli;

import io.cirstream.core.config.KafkaConfig;
import io.cirstream.core.config.Settings;
import io.cirstream.core.topic.Topics;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ProblemLog;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cirstream replay BENCHMARK --data DIR}: a benchmark's gallery, queries and manifest into Kafka. */
@Command(name = "replay", description = "Replay a benchmark (cirr, fashioniq, circo, patterncom, patterncir, synthetic) into Kafka topics.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Parameters(index = "0", description = "cirr, fashioniq, circo, patterncom, patterncir or synthetic")
    String benchmark;

    @Option(names = "--data", required = true, description = "the benchmark's folder (annotation files and images)")
    Path data;

    @Option(names = "--split", description = "split to replay (default: ${DEFAULT-VALUE})")
    String split = "val";

    @Option(names = "--rate", description = "gallery events per second, e.g. 200 or 200/s (default: as fast as possible)")
    String rate = "0";

    @Option(names = "--limit", description = "replay at most N gallery images and the queries they answer (0 = all)")
    long limit;

    @Option(names = "--on-problem", description = "continue or stop at the first malformed entry / missing image (default: ${DEFAULT-VALUE})")
    ProblemLog.Mode onProblem = ProblemLog.Mode.CONTINUE;

    @Option(names = "--verify-decode", description = "fully decode every image before sending, not just its header")
    boolean verifyDecode;

    @Override
    public Integer call() {
        Settings settings = config.load();
        KafkaConfig kafka = KafkaConfig.from(settings);
        ReplayOptions base = ReplayOptions.of(Benchmark.fromId(benchmark), data, split, kafka);
        ReplayOptions options = new ReplayOptions(base.benchmark(), data, split, base.parser(), onProblem, limit,
                parseRate(rate), verifyDecode, base.imageLimits(), kafka, Topics.from(settings));
        return Replayer.run(options, System.err).exitCode();
    }

    static double parseRate(String text) {
        String number = text.strip().replaceFirst("(?i)/s$", "");
        try {
            double value = Double.parseDouble(number);
            if (value < 0 || Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate must be a number of events per second such as 200 or 200/s, got '" + text + "'");
        }
    }
}
