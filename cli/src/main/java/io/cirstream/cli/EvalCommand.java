package io.cirstream.cli;

import io.cirstream.eval.live.LiveEvalOptions;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.live.LiveEvaluation;
import io.cirstream.ingest.replay.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cirstream eval BENCHMARK}: a replayed benchmark's queries through the live query API, scored. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure recall live: a replayed benchmark's queries through the running query API.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Parameters(index = "0", description = "cirr, fashioniq, circo, patterncom, patterncir, synthetic or triplets")
    String benchmark;

    @Option(names = "--split", description = "replayed split (default: ${DEFAULT-VALUE})")
    String split = "val";

    @Option(names = "--methods", split = ",", description = "composition methods (default: image,text,sum,slerp)")
    List<String> methods = LiveEvalOptions.DEFAULT_METHODS;

    @Option(names = "--k", split = ",", description = "ANN-recall cut-offs vs exact search (default: 1,5,10,50); "
            + "the official metrics always follow the benchmark's protocol")
    List<Integer> annCutoffs = LiveEvalOptions.DEFAULT_ANN_CUTOFFS;

    @Option(names = "--api", description = "query API base URL, loopback only (default: ${DEFAULT-VALUE})")
    URI api = LiveEvalOptions.DEFAULT_API;

    @Option(names = "--out", description = "report directory (default: ${DEFAULT-VALUE})")
    Path out = Path.of("eval-reports");

    @Override
    public Integer call() {
        LiveEvalOptions base = LiveEvalOptions.fromSettings(Benchmark.fromId(benchmark), split, config.load())
                .withMethods(methods).withApi(api).withOutDir(out);
        LiveEvalOptions options = new LiveEvalOptions(base.benchmark(), base.split(), base.methods(), annCutoffs,
                base.api(), base.outDir(), base.packDir(), base.concurrency(), base.receiptTimeout(),
                base.indexTimeout(), base.kafka(), base.openSearch(), base.topics());
        return exitStatus(LiveEvaluation.run(options, System.out, System.err).report(), System.err);
    }

    /**
     * Non-zero when any query failed: the report is written all the same (failed queries score as misses), but a
     * script must not take such numbers for a clean run.
     */
    static int exitStatus(EvalReport report, PrintStream err) {
        if (report.failedQueries() == 0) {
            return 0;
        }
        err.printf("eval: %d queries failed; they are scored as misses in the report:%n", report.failedQueries());
        report.failureSummary().forEach(line -> err.println("  " + line));
        return 1;
    }
}
