package io.cirstream.query.inference;

import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs model inference off the event loop, in two {@link Lane lanes} with their own bounded worker pools,
 * so a slow kind of work cannot starve the other: a reference image to decode and encode can take seconds,
 * a text (or a stored vector plus a text) milliseconds, and text queries must not queue behind images.
 * Each lane admits at most {@code threads + queue} tasks and refuses the next at once with
 * {@link ErrorCode#OVERLOADED} (503 + Retry-After) instead of growing an unbounded backlog.
 * A task that waited longer than {@code maxWait} (the request timeout: its caller has already been answered)
 * is never started.
 */
public final class Inference implements AutoCloseable {

    /** The kind of work, each with its own pool. */
    public enum Lane { TEXT, IMAGE }

    private final Map<Lane, Pool> pools = new EnumMap<>(Lane.class);
    private final long maxWaitNanos;
    private final Timer timer;

    /** @param threads threads per lane; @param queue waiting tasks per lane */
    public Inference(Vertx vertx, int threads, int queue, Duration maxWait, Timer timer) {
        for (Lane lane : Lane.values()) {
            pools.put(lane, new Pool(vertx, "cirstream-inference-" + lane.name().toLowerCase(Locale.ROOT),
                    threads, queue));
        }
        this.maxWaitNanos = maxWait.toNanos();
        this.timer = timer;
    }

    public <T> Future<T> run(Lane lane, Callable<T> task) {
        Pool pool = pools.get(lane);
        if (!pool.admitted().tryAcquire()) {
            return Future.failedFuture(QueryError.overloaded("the " + lane.name().toLowerCase(Locale.ROOT)
                    + " inference queue is full (" + pool.capacity() + " requests in progress); retry shortly"));
        }
        long admittedAt = System.nanoTime();
        return pool.executor().<T>executeBlocking(() -> {
            if (System.nanoTime() - admittedAt > maxWaitNanos) {
                throw QueryError.of(ErrorCode.TIMEOUT, "the request waited longer than the request timeout for "
                        + "inference; it was not started");
            }
            return timer.recordCallable(task);
        }, false).andThen(done -> pool.admitted().release());
    }

    /** Tasks admitted and not yet finished (running + queued), all lanes. */
    public int depth() {
        return pools.values().stream().mapToInt(Pool::depth).sum();
    }

    @Override
    public void close() {
        pools.values().forEach(Pool::close);
    }
}
