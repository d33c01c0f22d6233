package io.cirstream.ingest.source;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestSummaryTest {

    @Test
    void skippedEntriesAreCountedAndListedButDoNotFailTheRun() {
        IngestSummary summary = new IngestSummary(2, List.of(), List.of(
                new Skipped("/d/a.png", Skipped.Reason.DUPLICATE_ID, "id 'a' collides with /d/a.jpg, which was published instead"),
                new Skipped("/d/.x.png", Skipped.Reason.HIDDEN, "hidden file")), 100, Duration.ofSeconds(1));
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        summary.print(new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(summary.exitCode()).isZero();
        assertThat(summary.skippedByReason()).isEqualTo(Map.of(Skipped.Reason.HIDDEN, 1L, Skipped.Reason.DUPLICATE_ID, 1L));
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("ingest: 2 accepted, 0 rejected, 2 skipped")
                .contains("DUPLICATE_ID     /d/a.png: id 'a' collides with /d/a.jpg, which was published instead")
                .contains("HIDDEN           /d/.x.png: hidden file");
    }
}
