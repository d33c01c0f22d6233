package io.cirstream.imaging;

import io.cirstream.testkit.TestImages;

import io.cirstream.contract.event.ImageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImageFilesTest {
    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    @Test
    void readsInlineAndFileReferencesUnderTheRoots() throws Exception {
        byte[] png = TestImages.png(5, 5);
        Path file = Files.write(root.resolve("a.png"), png);
        ImageFiles files = new ImageFiles(List.of(root), ImageLimits.DEFAULT);

        assertThat(files.bytes(ImageRef.inline(png, "image/png"))).isEqualTo(png);
        assertThat(files.bytes(ImageRef.uri(file.toUri(), null))).isEqualTo(png);
        assertThat(files.load(file.toUri()).file()).isEqualTo(file.toRealPath());
    }

    @Test
    void refusesWhatItMayNotOrCannotRead() throws IOException {
        Path outside = Files.write(elsewhere.resolve("x.png"), TestImages.png(4, 4));
        Path big = Files.write(root.resolve("big.png"), TestImages.png(64, 64));
        ImageFiles files = new ImageFiles(List.of(root), new ImageLimits(200, 1_000_000));

        assertThat(reason(files, ImageRef.uri(outside.toUri(), null))).isEqualTo(ImageRejectedException.Reason.NOT_ALLOWED);
        assertThat(reason(files, ImageRef.uri(root.resolve("none.png").toUri(), null)))
                .isEqualTo(ImageRejectedException.Reason.NOT_FOUND);
        assertThat(reason(files, ImageRef.uri(big.toUri(), null))).isEqualTo(ImageRejectedException.Reason.TOO_MANY_BYTES);
        assertThat(reason(files, ImageRef.uri(URI.create("s3://bucket/a.png"), null)))
                .isEqualTo(ImageRejectedException.Reason.NOT_ALLOWED);
        assertThat(reason(files, ImageRef.uri(root.toUri(), null))).isEqualTo(ImageRejectedException.Reason.UNREADABLE);
    }

    private static ImageRejectedException.Reason reason(ImageFiles files, ImageRef ref) {
        ImageRejectedException e = catchThrowableOfType(ImageRejectedException.class, () -> files.bytes(ref));
        assertThat(e).as("expected a rejection for " + ref).isNotNull();
        return e.reason();
    }
}
