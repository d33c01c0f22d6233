package io.cirstream.ingest.source;

import io.cirstream.publisher.IngestSource;

import io.cirstream.publisher.PublishResult;
import io.cirstream.publisher.RejectReason;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Images found so far, the entries that were refused before any image was read, those skipped on purpose, and
 * the folders the user named (which become allowed roots for the run).
 */
final class Collected {
    final List<IngestSource> sources = new ArrayList<>();
    final List<Path> roots = new ArrayList<>();
    final List<PublishResult.Rejected> problems = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();

    void problem(String origin, RejectReason reason, String message) {
        problems.add(new PublishResult.Rejected(null, origin, reason, message));
    }

    void skip(String origin, Skipped.Reason reason, String message) {
        skipped.add(new Skipped(origin, reason, message));
    }

    /**
     * Keeps one source per id: two files that map to one id ({@code a.png} and {@code a.jpg}) would overwrite each
     * other downstream. The first found wins (folder walks are in sorted path order, so this is deterministic);
     * each other one is skipped with a message naming both.
     */
    void dropDuplicateIds() {
        Map<String, IngestSource> first = new HashMap<>();
        List<IngestSource> kept = new ArrayList<>(sources.size());
        for (IngestSource source : sources) {
            IngestSource winner = first.putIfAbsent(source.id(), source);
            if (winner == null) {
                kept.add(source);
            } else {
                skip(source.origin(), Skipped.Reason.DUPLICATE_ID, "id '" + source.id() + "' collides with "
                        + winner.origin() + ", which was published instead (the first in order wins)");
            }
        }
        sources.clear();
        sources.addAll(kept);
    }
}
