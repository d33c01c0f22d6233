package io.cirstream.query.inference;

import io.cirstream.query.error.QueryError;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs model inference off the event loop on a dedicated worker pool. The pool is sized to the cores the
 * model may use (ONNX Runtime already parallelises inside one run, so more threads only add contention);
 * at most {@code threads + queue} tasks are admitted, and the next one is refused at once with
 * {@link QueryError.Kind#OVERLOADED} (503 + Retry-After) instead of growing an unbounded backlog.
 */
public final class Inference implements AutoCloseable {

    private final WorkerExecutor executor;
    private final Semaphore admitted;
    private final int capacity;
    private final Timer timer;

    public Inference(Vertx vertx, int threads, int queue, Timer timer) {
        this.executor = vertx.createSharedWorkerExecutor("cirstream-inference", threads, 60, TimeUnit.SECONDS);
        this.capacity = threads + queue;
        this.admitted = new Semaphore(capacity);
        this.timer = timer;
    }

    public <T> Future<T> run(Callable<T> task) {
        if (!admitted.tryAcquire()) {
            return Future.failedFuture(QueryError.overloaded("the inference queue is full (" + capacity
                    + " requests in progress); retry shortly"));
        }
        return executor.<T>executeBlocking(() -> timer.recordCallable(task), false)
                .andThen(done -> admitted.release());
    }

    /** Tasks admitted and not yet finished (running + queued). */
    public int depth() {
        return capacity - admitted.availablePermits();
    }

    @Override
    public void close() {
        executor.close();
    }
}
