package io.cirstream.embedder.stream;

import io.cirstream.contract.event.DeadLetterStage;

import io.cirstream.contract.event.ImageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Regression tests of issue 12: every bad {@code file:} reference is a FETCH (or IMAGE) refusal, never an exception. */
class ImageSourceTest {
    private static final long MAX_BYTES = 1000;

    @TempDir
    Path dir;

    private ImageSource source(Path root) {
        return new ImageSource(List.of(root), MAX_BYTES);
    }

    private RejectedException refusal(ImageSource source, ImageRef image) {
        return catchThrowableOfType(RejectedException.class, () -> source.fetch(image));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file://localhost/etc/passwd", "file://../../x", "file://host/x.png", "file:x.png",
            "file:///x.png?a=1", "file:///x.png#frag", "file:///tmp/a%00.png", "FILE://localhost/etc/passwd"})
    void malformedFileUrisAreRefusedNotThrown(String text) {
        // The event rules refuse these URIs when an ImageRef is built; the reader keeps its own refusal for records
        // that reach it some other way, and must never throw where Path.of would.
        RejectedException e = catchThrowableOfType(RejectedException.class, () -> FileUriPath.of(URI.create(text)));

        assertThat(e).as(text).isNotNull();
        assertThat(e.stage()).isEqualTo(DeadLetterStage.FETCH);
        assertThat(e.getMessage()).contains("file URI");
    }

    @Test
    void readsARegularFileUnderTheRoot() throws Exception {
        Path file = Files.write(dir.resolve("a.png"), new byte[]{1, 2, 3});

        assertThat(source(dir).fetch(ImageRef.uri(file.toUri(), null))).containsExactly(1, 2, 3);
    }

    @Test
    void aRootThatIsItselfASymlinkStillAdmitsItsFiles() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Files.write(real.resolve("a.png"), new byte[]{7});

        assertThat(source(link).fetch(ImageRef.uri(link.resolve("a.png").toUri(), null))).containsExactly(7);
    }

    @Test
    void aSymlinkToAFileOutsideTheRootsIsRefused() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path outside = Files.write(dir.resolve("secret.png"), new byte[]{1});
        Path link = Files.createSymbolicLink(root.resolve("a.png"), outside);

        RejectedException e = refusal(source(root), ImageRef.uri(link.toUri(), null));

        assertThat(e).isNotNull();
        assertThat(e.stage()).isEqualTo(DeadLetterStage.FETCH);
        assertThat(e.getMessage()).contains("outside the allowed roots");
    }

    @Test
    void aSymlinkToDevZeroIsRefusedBeforeItIsRead() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("zero.png"), Path.of("/dev/zero"));
        // /dev is not under the root, so allow it too: the file type alone must refuse it.
        ImageSource source = new ImageSource(List.of(dir, Path.of("/dev")), MAX_BYTES);

        RejectedException e = refusal(source, ImageRef.uri(link.toUri(), null));

        assertThat(e).isNotNull();
        assertThat(e.stage()).isEqualTo(DeadLetterStage.FETCH);
        assertThat(e.getMessage()).contains("not a regular file");
    }

    @Test
    void aDirectoryIsRefused() {
        RejectedException e = refusal(source(dir), ImageRef.uri(dir.toUri(), null));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("not a regular file");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedWithoutReadingItWhole() throws IOException {
        Path file = Files.write(dir.resolve("big.png"), new byte[(int) MAX_BYTES + 1]);

        RejectedException e = refusal(source(dir), ImageRef.uri(file.toUri(), null));

        assertThat(e).isNotNull();
        assertThat(e.stage()).isEqualTo(DeadLetterStage.IMAGE);
        assertThat(e.getMessage()).startsWith("TOO_MANY_BYTES");
    }

    @Test
    void aMissingFileAndADotDotEscapeAreRefused() {
        assertThat(refusal(source(dir), ImageRef.uri(dir.resolve("none.png").toUri(), null)).getMessage())
                .contains("no such image file");
        URI escape = URI.create(dir.toUri() + "../../../../etc/hostname");
        assertThat(catchThrowableOfType(RejectedException.class, () -> FileUriPath.of(escape)).stage())
                .isEqualTo(DeadLetterStage.FETCH);
    }
}
