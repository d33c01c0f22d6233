package io.cirstream.ingest.replay;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names one replay. Every query record and the receipt of a replay carry its id in the {@value #HEADER} record
 * header, so an evaluator scores exactly the queries of the replay whose receipt it read, not older ones still
 * on the topic (a replay with {@code --limit} after a full one writes fewer queries than the topic holds).
 */
public final class ReplayRun {
    public static final String HEADER = "cirstream-replay-run";
    /**
     * The gallery image attribute naming the replay that last published it, so an evaluator counts the images of
     * its replay in the index, not those an earlier replay of the same split left there.
     */
    public static final String ATTRIBUTE = "replay_run";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ReplayRun() {
    }

    /** {@code 20260501T120000Z-3f9a2c}: sorts by time, and two runs in the same second still differ. */
    public static String newId(Instant now) {
        return STAMP.format(now) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    public static void stamp(Headers headers, String runId) {
        headers.add(HEADER, runId.getBytes(StandardCharsets.UTF_8));
    }

    /** The run id a record carries; empty for records written before replays named their runs. */
    public static Optional<String> of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
