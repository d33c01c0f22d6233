package io.cirstream.cli;

import io.cirstream.tools.perf.EmbedderPerf;
import io.cirstream.tools.perf.DjlEnginePerf;
import io.cirstream.tools.perf.EncoderPerf;
import io.cirstream.tools.perf.KnnScalePerf;
import io.cirstream.tools.perf.ReplayPerf;
import io.cirstream.tools.perf.QueryPerf;
import io.cirstream.tools.perf.ScaleOutPerf;
import io.cirstream.tools.perf.WatchLatencyPerf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cirstream bench ...}: the benchmarks behind docs/benchmarks.md. Each keeps its own arguments
 * (passed through unchanged) and prints figures; none of them is a test.
 */
@Command(name = "bench", description = "Benchmarks that print figures (see docs/benchmarks.md).",
        subcommands = {BenchCommand.Encoders.class, BenchCommand.Djl.class, BenchCommand.Replay.class, BenchCommand.Embedder.class,
                BenchCommand.ScaleOut.class, BenchCommand.Query.class, BenchCommand.KnnScale.class,
                BenchCommand.Watch.class})
final class BenchCommand {

    /** Runs a benchmark's main with the arguments picocli did not consume. */
    abstract static class PassThrough implements Callable<Integer> {
        @Unmatched
        List<String> args = new ArrayList<>();

        abstract void run(String[] arguments) throws Exception;

        @Override
        public Integer call() throws Exception {
            run(args.toArray(String[]::new));
            return 0;
        }
    }

    @Command(name = "encoders", description = "Raw ONNX Runtime throughput: [PACK|synthetic|synthetic-fp16|vit-b32-shaped|synthetic-v2 ...] [--batches 1,8,32,64] [--threads N] [--samples N]")
    static final class Encoders extends PassThrough {
        @Override
        void run(String[] arguments) {
            EncoderPerf.main(arguments);
        }
    }

    @Command(name = "djl", description = "Image tower through ONNX Runtime directly vs DJL's OnnxRuntime engine, side by side: [PACK|synthetic|vit-b32-shaped ...] [--batches 1,8,32] [--threads N] [--samples N]")
    static final class Djl extends PassThrough {
        @Override
        void run(String[] arguments) throws Exception {
            DjlEnginePerf.main(arguments);
        }
    }

    @Command(name = "replay", description = "Replay throughput on a synthetic benchmark: [images] [queries]")
    static final class Replay extends PassThrough {
        @Override
        void run(String[] arguments) throws Exception {
            ReplayPerf.main(arguments);
        }
    }

    @Command(name = "embedder", description = "End-to-end embedder vs raw encoder throughput, and freshness: --pack synthetic|synthetic-fp16|vit-b32-shaped|synthetic-v2 --images N --rate N --fresh N [--profile true --warm-up N: CPU per image by stage]")
    static final class Embedder extends PassThrough {
        @Override
        void run(String[] arguments) throws Exception {
            EmbedderPerf.main(arguments);
        }
    }

    @Command(name = "scale-out", description = "Drain rate of 1 vs N embedder instances on the same backlog: --images N --instances 1,2")
    static final class ScaleOut extends PassThrough {
        @Override
        void run(String[] arguments) throws Exception {
            ScaleOutPerf.main(arguments);
        }
    }

    @Command(name = "query", description = "Query API load (p50/p99, throughput) vs raw k-NN: docs=N requests=N levels=1,16,64 dims=64|512 variants=before,cache,cache+vertx,all,nio")
    static final class Query extends PassThrough {
        @Override
        void run(String[] arguments) throws Exception {
            QueryPerf.main(arguments);
        }
    }

    @Command(name = "knn-scale", description = "A million-vector index as the embedder makes it, float32 vs sq: build time, disk, heap, RSS, k-NN p50/p99 at concurrency 1 and 16, recall@10 vs exact: --docs 1000000 --dims 512 --queries 200 --requests 500 --encoders none,sq")
    static final class KnnScale extends PassThrough {
        @Override
        void run(String[] arguments) throws Exception {
            KnnScalePerf.main(arguments);
        }
    }

    @Command(name = "watch", description = "Live watch latency (publish -> SSE match) beside freshness (publish -> searchable), same images, one run: --images 300 --rate 20 --pack synthetic --warmup 20")
    static final class Watch extends PassThrough {
        @Override
        void run(String[] arguments) throws Exception {
            WatchLatencyPerf.main(arguments);
        }
    }
}
