package io.cirstream.query.inference;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** One lane of {@link Inference}: a named worker pool and the permits bounding what it holds. */
record Pool(WorkerExecutor executor, Semaphore admitted, int capacity) {

    Pool(Vertx vertx, String name, int threads, int queue) {
        this(vertx.createSharedWorkerExecutor(name, threads, 60, TimeUnit.SECONDS), new Semaphore(threads + queue),
                threads + queue);
    }

    int depth() {
        return capacity - admitted.availablePermits();
    }

    void close() {
        executor.close();
    }
}
