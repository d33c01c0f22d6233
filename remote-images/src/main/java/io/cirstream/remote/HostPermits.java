package io.cirstream.remote;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the fetches under way at once per host:port, so one slow CDN or bucket cannot take every fetching
 * thread and a burst of images cannot hammer one server. Hosts are only ever allow-listed ones, so the map
 * stays as small as the allow-list.
 */
final class HostPermits {

    private final int perHost;
    private final Duration wait;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    HostPermits(int perHost, Duration wait) {
        this.perHost = perHost;
        this.wait = wait;
    }

    <T> T withPermit(Endpoint endpoint, Retrier.Attempt<T> work) throws FetchException {
        Semaphore semaphore = permits.computeIfAbsent(endpoint.hostPort(), h -> new Semaphore(perHost, true));
        try {
            if (!semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw FetchReason.HOST_BUSY.failure(perHost + " fetches from " + endpoint.hostPort()
                        + " were under way for longer than " + wait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchReason.INTERRUPTED.failure("interrupted while waiting for a turn at " + endpoint.hostPort(), e);
        }
        try {
            return work.run();
        } finally {
            semaphore.release();
        }
    }
}
