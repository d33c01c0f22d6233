package io.cirstream.cli.demo;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.infra.LocalInfrastructure;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.topic.Topics;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.eval.live.IndexedGallery;
import io.cirstream.eval.live.LiveEvalOptions;
import io.cirstream.eval.live.LiveEvalResult;
import io.cirstream.eval.live.LiveEvaluation;
import io.cirstream.eval.live.StageClock;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.ReplaySummary;
import io.cirstream.ingest.replay.Replayer;
import io.cirstream.tools.world.SyntheticWorld;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cirstream demo}: the whole system on one machine in one command. Generates the synthetic model pack
 * and a synthetic benchmark, starts local infrastructure if needed, runs the embedder and the query API in
 * this process, replays the benchmark at a steady rate and evaluates while the images stream in, then keeps
 * the API and web page up until Ctrl-C (or stops, with {@code --exit-after-report}).
 */
public final class Demo {
    private static final String SPLIT = SyntheticWorld.DEFAULT_SPLIT;

    private Demo() {
    }

    /** What a demo run measured. */
    public record DemoResult(LiveEvalResult evaluation, Map<String, Duration> stages, Duration wall, int apiPort) {
    }

    /**
     * {@code Demo [--exit-after-report] [--work DIR]}: the defaults of {@link DemoOptions}, with Kafka and
     * OpenSearch from the usual configuration (environment); the work directory defaults to
     * {@code <tmp>/cirstream-demo}.
     */
    public static void main(String[] args) {
        boolean exit = false;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "cirstream-demo");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--exit-after-report")) {
                exit = true;
            } else if (args[i].equals("--work") && i + 1 < args.length) {
                work = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + args[i]
                        + "'; usage: Demo [--exit-after-report] [--work DIR]");
            }
        }
        run(DemoOptions.defaults(work, Settings.load(Optional.empty())).withExitAfterReport(exit), System.out,
                System.err);
    }

    public static DemoResult run(DemoOptions options, PrintStream out, PrintStream err) {
        StageClock clock = new StageClock();
        Resources resources = new Resources(err);
        try {
            DemoResult result = runStages(options, resources, clock, out, err);
            if (options.exitAfterReport()) {
                resources.close();
            } else {
                serveUntilInterrupted(resources, result.apiPort(), out);
            }
            return result;
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private static DemoResult runStages(DemoOptions options, Resources resources, StageClock clock, PrintStream out,
                                        PrintStream err) {
        KafkaConfig kafka = KafkaConfig.from(options.settings());
        OpenSearchConfig openSearch = OpenSearchConfig.from(options.settings());
        resources.add(LocalInfrastructure.ensureUp(kafka, openSearch, err));
        lap(clock, "infra", err);
        PackGenerator.generate(PackGenerator.SYNTHETIC, options.packDir());
        lap(clock, "pack", err);
        SyntheticWorld.generate(options.seed(), options.images(), options.queries(), options.worldDir());
        lap(clock, "world", err);
        ModelRuntime runtime = resources.add(ModelRuntime.load(options.packDir(), RuntimeOptions.defaults()));
        resources.add(new RunTopics(kafka, options.runName()));
        int port = DemoServices.start(options, runtime, resources);
        String collection = Benchmark.SYNTHETIC.id() + "-" + SPLIT;
        try (OpenSearchClient client = new OpenSearchClient(openSearch)) {
            new IndexedGallery(client, openSearch.indexAlias()).deleteCollection(collection);
        }
        lap(clock, "services", err);
        Topics topics = new Topics(options.topicPrefix());
        CompletableFuture<Duration> replay = CompletableFuture.supplyAsync(() -> replay(options, kafka, topics, err));
        // eval keeps waiting for a receipt that will never come; say why at once rather than at its timeout
        replay.exceptionally(failure -> {
            err.println("demo: the replay failed, so no receipt will come: " + failure.getMessage());
            return null;
        });
        LiveEvalOptions evalOptions = LiveEvalOptions.of(Benchmark.SYNTHETIC, SPLIT, options.packDir(), kafka, openSearch)
                .withMethods(options.methods()).withApi(URI.create("http://127.0.0.1:" + port))
                .withOutDir(options.reportDir()).withTopics(topics);
        LiveEvalResult evaluation = LiveEvaluation.run(evalOptions, runtime, out, err);
        Map<String, Duration> stages = new LinkedHashMap<>(clock.laps());
        stages.put("replay", join(replay));
        stages.putAll(evaluation.stages());
        stages.remove("receipt");
        Duration wall = clock.total();
        printTimes(stages, wall, out);
        out.println("NOTE: the demo's model pack is generated (synthetic), not CLIP: it only understands the synthetic "
                + "world. To run a real CLIP pack see docs/model-packs.md; for real benchmarks see docs/evaluation.md.");
        return new DemoResult(evaluation, stages, wall, port);
    }

    private static void lap(StageClock clock, String stage, PrintStream err) {
        err.printf("demo: %s done in %.1f s%n", stage, clock.lap(stage).toMillis() / 1000.0);
    }

    private static Duration replay(DemoOptions options, KafkaConfig kafka, Topics topics, PrintStream err) {
        long start = System.nanoTime();
        ReplaySummary summary = Replayer.run(new ReplayOptions(Benchmark.SYNTHETIC, options.worldDir(), SPLIT, null,
                null, 0, options.rate(), false, null, kafka, topics), err);
        if (summary.exitCode() != 0) {
            throw new IllegalStateException("the replay refused " + summary.galleryRejected().size()
                    + " synthetic images; see above");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration join(CompletableFuture<Duration> replay) {
        try {
            return replay.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void printTimes(Map<String, Duration> stages, Duration wall, PrintStream out) {
        out.println();
        out.println("demo stage times (the embedder indexes while the replay runs; index wait counts from the replay's end):");
        stages.forEach((stage, took) -> out.printf("  %-10s %8.1f s%n", stage, took.toMillis() / 1000.0));
        out.printf("  %-10s %8.1f s%n", "wall", wall.toMillis() / 1000.0);
    }

    private static void serveUntilInterrupted(Resources resources, int port, PrintStream out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            resources.close();
            stopped.countDown();
        }, "demo-shutdown"));
        out.printf("%nquery API and web page: http://localhost:%d  (Ctrl-C stops everything the demo started)%n", port);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
