package io.cirstream.tools.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command line of {@link EncoderPerf}: packs (directories, or generated kinds
 * {@code synthetic} / {@code synthetic-fp16} / {@code vit-b32-shaped}) and {@code --batches 1,8,32,64 --threads 2 --samples 5
 * --warmup 2 --packs-dir DIR} (where generated kinds are written, reused on the next run).
 */
record EncoderPerfArgs(List<String> packs, List<Integer> batches, int threads, int samples, int warmup, Path packsDir) {

    static EncoderPerfArgs parse(String[] args) {
        List<String> packs = new ArrayList<>();
        List<Integer> batches = List.of(1, 8, 32, 64);
        int threads = Runtime.getRuntime().availableProcessors();
        int samples = 5;
        int warmup = 2;
        Path packsDir = Path.of(System.getProperty("java.io.tmpdir"), "cirstream-bench-packs");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batches" -> batches = Arrays.stream(value(args, ++i).split(",")).map(String::trim).map(Integer::parseInt).toList();
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--samples" -> samples = Integer.parseInt(value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--packs-dir" -> packsDir = Path.of(value(args, ++i));
                default -> packs.add(args[i]);
            }
        }
        if (packs.isEmpty()) {
            packs = List.of("synthetic", "vit-b32-shaped");
        }
        if (samples < 1 || batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("need --samples >= 1 and batch sizes >= 1");
        }
        return new EncoderPerfArgs(packs, batches, threads, samples, warmup, packsDir);
    }

    /** Whether {@code pack} names a directory rather than a generated kind. */
    static boolean isDirectory(String pack) {
        return Files.isDirectory(Path.of(pack));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value after " + args[i - 1]);
        }
        return args[i];
    }
}
