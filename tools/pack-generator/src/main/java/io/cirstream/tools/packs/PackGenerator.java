package io.cirstream.tools.packs;

import io.cirstream.contract.pack.PackManifest.Precision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes generated model packs (real ONNX files with fixed weights) so nothing binary is committed.
 * A pack is built in a sibling temporary directory and moved into place, so {@code outDir} holds either
 * nothing or a complete pack; a stamp file records what was generated, making generation idempotent.
 */
public final class PackGenerator {

    public static final String SYNTHETIC = "synthetic";
    /** The synthetic pack with float16 inputs, outputs and weights, as packs exported for GPU serving are. */
    public static final String SYNTHETIC_FP16 = "synthetic-fp16";
    public static final String VIT_B32_SHAPED = "vit-b32-shaped";
    /** Manifest format 2: patch features, multi-token inversion and a composer graph ({@code SyntheticV2Pack}). */
    public static final String SYNTHETIC_V2 = "synthetic-v2";
    /** Every kind {@link #generate} writes. */
    public static final List<String> KINDS = List.of(SYNTHETIC, SYNTHETIC_FP16, VIT_B32_SHAPED, SYNTHETIC_V2);
    static final String STAMP = "generated-by.txt";
    /** Bumped whenever generated packs change, so a stale pack on disk is refused rather than reused. */
    private static final int GENERATOR_VERSION = 1;

    private PackGenerator() {
    }

    /** Writes pack {@code kind} (one of {@link #KINDS}) into {@code outDir}; a matching pack there is kept. */
    public static Path generate(String kind, Path outDir) {
        return generate(kind, outDir, GeneratorOptions.defaults());
    }

    public static Path generate(String kind, Path outDir, GeneratorOptions options) {
        String stamp = stamp(kind, options);
        Path stampFile = outDir.resolve(STAMP);
        try {
            if (Files.isRegularFile(stampFile)) {
                String existing = Files.readString(stampFile);
                if (existing.equals(stamp)) {
                    return outDir;
                }
                throw new IllegalStateException(outDir + " already holds a different generated pack (" + existing.strip()
                        + "); choose another directory");
            }
            if (Files.exists(outDir) && !isEmptyDirectory(outDir)) {
                throw new IllegalStateException(outDir + " exists and is not a generated pack; choose an empty or new directory");
            }
            Path parent = outDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, outDir.getFileName() + ".tmp");
            try {
                write(kind, staging, options);
                Files.writeString(staging.resolve(STAMP), stamp);
                Files.deleteIfExists(outDir);
                Files.move(staging, outDir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteRecursively(staging);
            }
            return outDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate pack " + kind + " in " + outDir, e);
        }
    }

    private static void write(String kind, Path dir, GeneratorOptions options) {
        switch (kind) {
            case SYNTHETIC -> new SyntheticPack(Precision.FP32).write(dir);
            case SYNTHETIC_FP16 -> new SyntheticPack(Precision.FP16).write(dir);
            case VIT_B32_SHAPED -> new VitB32ShapedPack(options).write(dir);
            case SYNTHETIC_V2 -> new SyntheticV2Pack().write(dir);
            default -> throw new IllegalArgumentException("unknown pack kind '" + kind + "'; expected one of " + KINDS);
        }
    }

    private static String stamp(String kind, GeneratorOptions options) {
        String settings = kind.equals(VIT_B32_SHAPED) ? " layers=" + options.layers() + " seed=" + options.seed() : "";
        return kind + settings + " generator=" + GENERATOR_VERSION + "\n";
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
