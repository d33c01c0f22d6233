package io.cirstream.publisher;


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
 * <p>
 * A validation refusal is final, but a record Kafka did not acknowledge (its delivery timeout passed) says
 * nothing about the image: such images are sent again, up to {@link #SEND_ROUNDS} rounds in all, and only then
 * reported as {@link RejectReason#SEND_FAILED}. Records are keyed by id, so a resend that duplicates an
 * acknowledged-but-unreported record is an idempotent upsert downstream.
 */
public final class PublishBatch {
    static final int SEND_ROUNDS = 3;

    /** Counts of one batch; rejections carry the source's origin (a path or image list line), sorted by it. */
    public record Outcome(long accepted, List<PublishResult.Rejected> rejected, long bytes) {

        /** Rejections because Kafka did not acknowledge, as opposed to images refused by validation. */
        public List<PublishResult.Rejected> unacknowledged() {
            return rejected.stream().filter(r -> r.reason() == RejectReason.SEND_FAILED).toList();
        }
    }

    private PublishBatch() {
    }

    public static Outcome publish(GalleryPublisher publisher, List<IngestSource> sources, Duration progressInterval,
                                  PrintStream err) {
        Tally tally = new Tally();
        try (ProgressReporter progress = new ProgressReporter(err, System.console() != null, sources.size(),
                progressInterval);
             ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<IngestSource> pending = sources;
            for (int round = 1; !pending.isEmpty(); round++) {
                List<Resend> resends = sendRound(publisher, pending, round == SEND_ROUNDS, workers, progress, tally);
                if (!resends.isEmpty()) {
                    err.printf("ingest: Kafka did not acknowledge %d images (first: %s); sending them again "
                            + "(round %d of %d)%n", resends.size(), resends.getFirst().reason(), round + 1, SEND_ROUNDS);
                }
                pending = resends.stream().map(Resend::source).toList();
            }
        }
        return tally.outcome();
    }

    private record Resend(IngestSource source, String reason) {
    }

    /** Sends every source once; returns those Kafka did not acknowledge, unless this is the last round. */
    private static List<Resend> sendRound(GalleryPublisher publisher, List<IngestSource> sources, boolean lastRound,
                                          ExecutorService workers, ProgressReporter progress, Tally tally) {
        List<Resend> resends = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> pending = new ArrayList<>(sources.size());
        for (IngestSource source : sources) {
            pending.add(CompletableFuture
                    .supplyAsync(() -> publisher.publish(source.id(), source.uri(), source.metadata()), workers)
                    .thenCompose(sent -> sent)
                    .handle((result, error) -> result != null ? result : new PublishResult.Rejected(source.id(),
                            source.origin(), RejectReason.FAILED, String.valueOf(error)))
                    .thenAccept(result -> {
                        if (!lastRound && result instanceof PublishResult.Rejected r
                                && r.reason() == RejectReason.SEND_FAILED) {
                            resends.add(new Resend(source, r.message()));
                            return;
                        }
                        progress.record(result);
                        tally.add(result, source);
                    }));
        }
        // linger.ms sends every batch on its own, so the acknowledgements arrive without an explicit flush.
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return List.copyOf(resends);
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
