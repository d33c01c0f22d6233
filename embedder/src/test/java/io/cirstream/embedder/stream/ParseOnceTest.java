package io.cirstream.embedder.stream;

import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.model.ModelRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.key;
import static io.cirstream.embedder.stream.GalleryFixtures.png;
import static io.cirstream.embedder.stream.GalleryFixtures.rawUriEvent;
import static io.cirstream.embedder.stream.GalleryFixtures.tile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a record is parsed and its image fetched once, when it arrives; the flush uses what the check read.
 * Before, a {@code file:} image was read again at flush, so a file removed (or rewritten) in between sent an image
 * that had passed every check to the dead letters, or encoded other bytes than the ones checked.
 */
class ParseOnceTest {
    private static final ModelRuntime RUNTIME = GalleryFixtures.synthetic();

    @TempDir
    Path root;

    @Test
    void theFlushEncodesTheBytesTheCheckRead() throws Exception {
        ImageLimits limits = new ImageLimits(1024 * 1024, 64 * 64);
        Path file = root.resolve("tile.png");
        Files.write(file, png(tile(1)));
        try (TopologyHarness topology = new TopologyHarness(TopologyHarness.loader(root, limits, ImageDecoder::decode),
                RUNTIME.images(), RUNTIME.packId(), new BatchPolicy(8, Duration.ofMillis(100)))) {
            topology.gallery.pipeInput(key(id(1)), rawUriEvent(id(1), file.toUri().toString(), 5));
            Files.delete(file);
            topology.driver.advanceWallClockTime(Duration.ofSeconds(1));

            assertThat(topology.deadLetters.isEmpty()).as("no dead letter for an image that passed the check").isTrue();
            assertThat(topology.vectors.readKeyValuesToList()).hasSize(1);
        }
    }
}
