package io.cirstream.ingest.publish;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes many images through one {@link GalleryPublisher} with progress on stderr and waits for every
 * acknowledgement; used by {@code ingest} and by the benchmark replay. Reading and validating images is the
 * costly part, so it runs on one worker per core; sending stays asynchronous in the producer.
 */
public final class PublishBatch {

    /** Counts of one batch; rejections carry the source's origin (a path or manifest line), sorted by it. */
    public record Outcome(long accepted, List<PublishResult.Rejected> rejected, long bytes) {
    }

    private PublishBatch() {
    }

    public static Outcome publish(GalleryPublisher publisher, List<IngestSource> sources, Duration progressInterval,
                                  PrintStream err) {
        Tally tally = new Tally();
        List<CompletableFuture<Void>> pending = new ArrayList<>(sources.size());
        try (ProgressReporter progress = new ProgressReporter(err, System.console() != null, sources.size(),
                progressInterval);
             ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (IngestSource source : sources) {
                pending.add(CompletableFuture
                        .supplyAsync(() -> publisher.publish(source.id(), source.uri(), source.metadata()), workers)
                        .thenCompose(sent -> sent)
                        .handle((result, error) -> result != null ? result : new PublishResult.Rejected(source.id(),
                                source.origin(), RejectReason.FAILED, String.valueOf(error)))
                        .thenAccept(result -> {
                            progress.record(result);
                            tally.add(result, source);
                        }));
            }
            // linger.ms sends every batch on its own, so the acknowledgements arrive without an explicit flush.
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        }
        return tally.outcome();
    }

    private static final class Tally {
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final List<PublishResult.Rejected> rejected = Collections.synchronizedList(new ArrayList<>());

        void add(PublishResult result, IngestSource source) {
            if (result instanceof PublishResult.Accepted a) {
                accepted.incrementAndGet();
                bytes.addAndGet(a.bytes());
            } else if (result instanceof PublishResult.Rejected r) {
                rejected.add(new PublishResult.Rejected(r.id(), source.origin(), r.reason(), r.message()));
            }
        }

        Outcome outcome() {
            List<PublishResult.Rejected> ordered = new ArrayList<>(rejected);
            ordered.sort(Comparator.comparing(PublishResult.Rejected::source));
            return new Outcome(accepted.get(), ordered, bytes.get());
        }
    }
}
