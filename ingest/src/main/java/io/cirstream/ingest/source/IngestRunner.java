package io.cirstream.ingest.source;

import io.cirstream.publisher.GalleryPublisher;
import io.cirstream.publisher.PublishBatch;
import io.cirstream.publisher.PublishResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cirstream ingest PATH...}: finds the images, publishes each through a {@link GalleryPublisher},
 * shows progress on stderr and ends with a summary. The CLI calls {@link #run(IngestOptions, PrintStream)} and
 * exits with {@link IngestSummary#exitCode()}.
 */
public final class IngestRunner {

    private IngestRunner() {
    }

    public static IngestSummary run(IngestOptions options, PrintStream err) {
        long start = System.nanoTime();
        Collected found = new SourceCollector(options.collection()).collect(options.paths());
        List<Path> roots = new ArrayList<>(options.publisher().allowedRoots());
        roots.addAll(found.roots);
        PublishBatch.Outcome outcome;
        try (GalleryPublisher publisher = GalleryPublisher.create(options.publisher().withAllowedRoots(roots))) {
            outcome = PublishBatch.publish(publisher, found.sources, options.progressInterval(), err);
        }
        List<PublishResult.Rejected> rejected = new ArrayList<>(found.problems);
        rejected.addAll(outcome.rejected());
        IngestSummary summary = new IngestSummary(outcome.accepted(), rejected, found.skipped, outcome.bytes(),
                Duration.ofNanos(System.nanoTime() - start));
        summary.print(err);
        return summary;
    }
}
