package io.cirstream.ingest.publish;

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
