package io.cirstream.cli;

import io.cirstream.tools.world.CirrLayout;
import io.cirstream.tools.world.TileFileFormat;
import io.cirstream.tools.world.SyntheticWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cirstream world --out DIR}: writes a synthetic CIR benchmark in CIRR's on-disk layout. */
@Command(name = "world", description = "Generate a synthetic CIR benchmark (tiles + queries, CIRR rc2 layout; replay it as 'synthetic').")
final class WorldCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "directory to write into")
    Path out;

    @Option(names = "--images", description = "gallery size (default: ${DEFAULT-VALUE})")
    int images = 2000;

    @Option(names = "--queries", description = "number of queries (default: ${DEFAULT-VALUE})")
    int queries = 500;

    @Option(names = "--seed", description = "seed; the same seed gives the same world (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--format", description = "PNG or JPEG (default: ${DEFAULT-VALUE})")
    TileFileFormat format = TileFileFormat.PNG;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        CirrLayout layout = SyntheticWorld.generate(seed, images, queries,
                new CirrLayout(out, SyntheticWorld.DEFAULT_SPLIT, format));
        System.err.printf("wrote %d images and %d queries (split %s) to %s in %.1f s%n", images, queries,
                layout.split(), out.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
