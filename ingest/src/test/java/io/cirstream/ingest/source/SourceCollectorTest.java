package io.cirstream.ingest.source;

import io.cirstream.publisher.IngestSource;

import io.cirstream.publisher.PublishResult;
import io.cirstream.publisher.RejectReason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SourceCollectorTest {
    @TempDir
    Path dir;

    @Test
    void folderIsWalkedRecursivelyWithRelativeIdsAndHiddenEntriesSkipped() throws IOException {
        touch("a.png", "sub/b.jpg", "sub/deeper/c.gif", ".hidden.png", ".cache/d.png");

        Collected found = new SourceCollector("trips").collect(List.of(dir.toString()));

        assertThat(found.sources).extracting(IngestSource::id).containsExactly("a", "sub/b", "sub/deeper/c");
        assertThat(found.sources).allMatch(s -> s.metadata().collection().equals("trips"));
        assertThat(found.roots).containsExactly(dir.toAbsolutePath().normalize());
        assertThat(found.problems).isEmpty();
    }

    @Test
    void hiddenEntriesAreCountedAsSkipped() throws IOException {
        // Regression: hidden files and folders were dropped without a word.
        touch("a.png", ".hidden.png", ".cache/d.png");

        Collected found = new SourceCollector("c").collect(List.of(dir.toString()));

        assertThat(found.skipped).extracting(Skipped::origin, Skipped::reason).containsExactlyInAnyOrder(
                tuple(dir.resolve(".hidden.png").toString(), Skipped.Reason.HIDDEN),
                tuple(dir.resolve(".cache").toString(), Skipped.Reason.HIDDEN));
    }

    @Test
    void twoFilesWithOneIdAreACollisionTheFirstInSortedOrderWins() throws IOException {
        // Regression: a.png and a.jpg were both reported accepted while one overwrote the other downstream.
        touch("a.png", "a.jpg", "b.png");

        Collected found = new SourceCollector("c").collect(List.of(dir.toString()));

        assertThat(found.sources).extracting(IngestSource::id, IngestSource::origin).containsExactly(
                tuple("a", dir.resolve("a.jpg").toString()), tuple("b", dir.resolve("b.png").toString()));
        assertThat(found.skipped).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(Skipped.Reason.DUPLICATE_ID);
            assertThat(s.origin()).isEqualTo(dir.resolve("a.png").toString());
            assertThat(s.message()).isEqualTo("id 'a' collides with " + dir.resolve("a.jpg")
                    + ", which was published instead (the first in order wins)");
        });
    }

    @Test
    void aLinkToAFolderIsSkippedWithItsReason() throws IOException {
        touch("a.png", "elsewhere/b.png");
        Path walked = Files.createDirectories(dir.resolve("walked"));
        Files.move(dir.resolve("a.png"), walked.resolve("a.png"));
        Files.createSymbolicLink(walked.resolve("link"), dir.resolve("elsewhere"));

        Collected found = new SourceCollector("c").collect(List.of(walked.toString()));

        assertThat(found.sources).extracting(IngestSource::id).containsExactly("a");
        assertThat(found.skipped).extracting(Skipped::origin, Skipped::reason)
                .containsExactly(tuple(walked.resolve("link").toString(), Skipped.Reason.NOT_A_REGULAR_FILE));
    }

    @Test
    void globMatchesRelativeToItsBase() throws IOException {
        touch("x/a.png", "x/b.jpg", "x/y/c.png");

        Collected flat = new SourceCollector("c").collect(List.of(dir + "/x/*.png"));
        Collected deep = new SourceCollector("c").collect(List.of(dir + "/x/**.png"));

        assertThat(flat.sources).extracting(IngestSource::id).containsExactly("a");
        assertThat(deep.sources).extracting(IngestSource::id).containsExactly("a", "y/c");
        assertThat(deep.roots).containsExactly(dir.resolve("x"));
    }

    @Test
    void missingPathsAndEmptyGlobsAreReported() {
        Collected found = new SourceCollector("c").collect(List.of(dir + "/nope", dir + "/*.webp"));

        assertThat(found.problems).extracting(PublishResult.Rejected::reason, PublishResult.Rejected::message)
                .containsExactly(tuple(RejectReason.NOT_FOUND, "no such file or folder"),
                        tuple(RejectReason.NOT_FOUND, "pattern matches no file"));
    }

    @Test
    void singleFileIdIsItsStem() throws IOException {
        touch("photo.2024.jpg");

        Collected found = new SourceCollector("c").collect(List.of(dir.resolve("photo.2024.jpg").toString()));

        assertThat(found.sources).extracting(IngestSource::id).containsExactly("photo.2024");
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[]{1});
        }
    }
}
