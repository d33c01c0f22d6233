package io.cirstream.cli;

import io.cirstream.tools.perf.DjlEnginePerf;
import io.cirstream.tools.perf.EmbedderPerf;
import io.cirstream.tools.perf.EncoderPerf;
import io.cirstream.tools.perf.KnnScalePerf;
import io.cirstream.tools.perf.QueryPerf;
import io.cirstream.tools.perf.ReplayPerf;
import io.cirstream.tools.perf.ScaleOutPerf;
import io.cirstream.tools.perf.WatchLatencyPerf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cirstream bench ...}: the benchmarks behind docs/benchmarks.md. Each keeps its own arguments (passed
 * through unchanged to its {@code main}) and prints figures; none of them is a test. A benchmark is one row of
 * {@link #BENCHMARKS}: its subcommand name, the usage line {@code --help} shows, and its entry point.
 */
@Command(name = "bench", description = "Benchmarks that print figures (see docs/benchmarks.md).")
final class BenchCommand {

    /** A benchmark's {@code main}. */
    @FunctionalInterface
    interface Benchmark {
        void run(String[] arguments) throws Exception;
    }

    record Entry(String name, String usage, Benchmark main) {
    }

    static final List<Entry> BENCHMARKS = List.of(
            new Entry("encoders", "Raw ONNX Runtime throughput: [PACK|synthetic|synthetic-fp16|vit-b32-shaped|synthetic-v2 ...]"
                    + " [--batches 1,8,32,64] [--threads N] [--samples N]", EncoderPerf::main),
            new Entry("djl", "Image tower through ONNX Runtime directly vs DJL's OnnxRuntime engine, side by side:"
                    + " [PACK|synthetic|vit-b32-shaped ...] [--batches 1,8,32] [--threads N] [--samples N]", DjlEnginePerf::main),
            new Entry("replay", "Replay throughput on a synthetic benchmark: [images] [queries]", ReplayPerf::main),
            new Entry("embedder", "End-to-end embedder vs raw encoder throughput, and freshness: --pack synthetic|"
                    + "synthetic-fp16|vit-b32-shaped|synthetic-v2 --images N --rate N --fresh N [--profile true --warm-up N:"
                    + " CPU per image by stage]", EmbedderPerf::main),
            new Entry("scale-out", "Drain rate of 1 vs N embedder instances on the same backlog: --images N --instances 1,2",
                    ScaleOutPerf::main),
            new Entry("query", "Query API load (p50/p99, throughput) vs raw k-NN: docs=N requests=N levels=1,16,64"
                    + " dims=64|512 variants=before,cache,cache+vertx,all,nio,json warmup-s=20", QueryPerf::main),
            new Entry("knn-scale", "A million-vector index as the embedder makes it, float32 vs sq: build time, disk, heap,"
                    + " RSS, k-NN p50/p99 at concurrency 1 and 16, recall@10 vs exact: --docs 1000000 --dims 512"
                    + " --queries 200 --requests 500 --encoders none,sq", KnnScalePerf::main),
            new Entry("watch", "Live watch latency (publish -> SSE match) beside freshness (publish -> searchable), same"
                    + " images, one run: --images 300 --rate 20 --pack synthetic --warmup 20", WatchLatencyPerf::main));

    /** Adds one pass-through subcommand per benchmark of {@link #BENCHMARKS} to the {@code bench} command line. */
    static void addBenchmarks(CommandLine bench) {
        addBenchmarks(bench, BENCHMARKS);
    }

    static void addBenchmarks(CommandLine bench, List<Entry> benchmarks) {
        for (Entry entry : benchmarks) {
            CommandLine sub = new CommandLine(new PassThrough(entry.main()));
            sub.getCommandSpec().usageMessage().description(entry.usage());
            bench.addSubcommand(entry.name(), sub);
        }
    }

    /** Runs a benchmark's main with the arguments picocli did not consume. */
    @Command
    static final class PassThrough implements Callable<Integer> {
        private final Benchmark main;

        @Unmatched
        List<String> args = new ArrayList<>();

        PassThrough(Benchmark main) {
            this.main = main;
        }

        @Override
        public Integer call() throws Exception {
            main.run(args.toArray(String[]::new));
            return 0;
        }
    }
}
