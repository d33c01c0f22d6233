package io.cirstream.ingest.source;

import io.cirstream.publisher.IngestSource;

import io.cirstream.publisher.PublishResult;
import io.cirstream.publisher.RejectReason;

import io.cirstream.contract.event.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImageListReaderTest {
    @TempDir
    Path dir;

    @Test
    void csvColumnsBecomeMetadataAndUnknownColumnsAttributes() throws IOException {
        Path csv = Files.writeString(dir.resolve("m.csv"), """
                path,id,category,lat,lon,captured_at,tags,photographer
                imgs/a.png,0042,dress,48.5,2.25,2024-05-01T12:00:00Z,red; long ,"Smith, J."
                b.jpg,,,,,,,
                """);

        Collected found = read(csv);

        assertThat(found.problems).isEmpty();
        IngestSource a = found.sources.getFirst();
        assertThat(a.id()).isEqualTo("0042");
        assertThat(a.uri()).isEqualTo(dir.resolve("imgs/a.png").toUri());
        assertThat(a.origin()).isEqualTo(csv + ":2");
        assertThat(a.metadata().category()).isEqualTo("dress");
        assertThat(a.metadata().geo()).isEqualTo(new GeoPoint(48.5, 2.25));
        assertThat(a.metadata().capturedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(a.metadata().tags()).containsExactly("red", "long");
        assertThat(a.metadata().attributes()).isEqualTo(Map.of("photographer", "Smith, J."));
        assertThat(a.metadata().collection()).isEqualTo("default-col");
        IngestSource b = found.sources.get(1);
        assertThat(b.id()).isEqualTo("b");
        assertThat(b.metadata().geo()).isNull();
    }

    @Test
    void aColumnNamedTwiceIsAProblemNotLastWins() throws IOException {
        Path exact = Files.writeString(dir.resolve("exact.csv"), """
                path,id,id
                a.png,first,second
                """);
        Path cased = Files.writeString(dir.resolve("cased.csv"), """
                path,id,ID
                a.png,first,second
                """);
        for (Path csv : List.of(exact, cased)) {
            Collected found = read(csv);
            assertThat(found.sources).as("no row read with one of its two ids dropped").isEmpty();
            assertThat(found.problems).singleElement().satisfies(problem -> {
                assertThat(problem.source()).isEqualTo(csv + ":1");
                assertThat(problem.message()).contains("appears twice in the header");
            });
        }
    }

    @Test
    void badCsvRowsAreReportedByLineAndTheRestIsRead() throws IOException {
        Path csv = Files.writeString(dir.resolve("m.csv"), """
                path,lat,lon
                a.png,91,0
                ,1,1
                c.png,x,1
                d.png,1,1
                """);

        Collected found = read(csv);

        assertThat(found.sources).extracting(IngestSource::id).containsExactly("d");
        assertThat(found.problems).extracting(PublishResult.Rejected::source)
                .containsExactly(csv + ":2", csv + ":3", csv + ":4");
        assertThat(found.problems.get(0).message()).contains("lat must be within");
        assertThat(found.problems.get(1).reason()).isEqualTo(RejectReason.MALFORMED_ENTRY);
        assertThat(found.problems.get(1).message()).contains("neither 'path' nor 'uri'");
        assertThat(found.problems.get(2).message()).contains("'lat' is not a number: 'x'");
    }

    @Test
    void jsonLinesWithNestedFieldsBlankLinesAndBrokenLines() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("m.jsonl"), """
                {"uri":"s3://bucket/k1.jpg","collection":"aerial","geo":{"lat":1.5,"lon":2},"tags":["x"],"attributes":{"k":"v"},"id":7}

                {"path":"a.png", oops
                [1,2]
                {"path":"z.png","bbox":{"minLon":0,"minLat":0,"maxLon":1,"maxLat":1},"capturedAt":"2020-01-01T00:00:00Z"}
                {"path":"twice.png","id":"a","id":"b"}
                """);

        Collected found = read(jsonl);

        assertThat(found.sources).extracting(IngestSource::id).containsExactly("7", "z");
        IngestSource first = found.sources.getFirst();
        assertThat(first.uri()).isEqualTo(URI.create("s3://bucket/k1.jpg"));
        assertThat(first.metadata().collection()).isEqualTo("aerial");
        assertThat(first.metadata().geo()).isEqualTo(new GeoPoint(1.5, 2));
        assertThat(first.metadata().attributes()).containsEntry("k", "v");
        assertThat(found.sources.get(1).metadata().bbox()).isNotNull();
        assertThat(found.problems).extracting(PublishResult.Rejected::source)
                .containsExactly(jsonl + ":3", jsonl + ":4", jsonl + ":6");
        assertThat(found.problems.get(1).message()).contains("expected a JSON object");
        assertThat(found.problems.get(2).message()).as("a key twice is ambiguous, not last-wins").contains("Duplicate field 'id'");
    }

    private Collected read(Path imageList) {
        Collected found = new Collected();
        new ImageListReader("default-col").read(imageList, found);
        return found;
    }

}
