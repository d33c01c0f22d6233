package io.cirstream.ingest.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Images found so far, the entries that were refused before any image was read, and the folders the user
 * named (which become allowed roots for the run).
 */
final class Collected {
    final List<IngestSource> sources = new ArrayList<>();
    final List<Path> roots = new ArrayList<>();
    final List<PublishResult.Rejected> problems = new ArrayList<>();

    void problem(String origin, RejectReason reason, String message) {
        problems.add(new PublishResult.Rejected(null, origin, reason, message));
    }
}
