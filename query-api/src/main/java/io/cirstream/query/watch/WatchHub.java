package io.cirstream.query.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.model.composition.Vec;
import io.cirstream.query.search.Filters;
import io.vertx.core.Context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The open standing queries. Each newly indexed vector is scored against every watch (one dot product
 * each: a few thousand watches cost microseconds) and matches are handed to the watch's own event-loop
 * context, so the SSE response is only ever written from its own thread.
 */
public final class WatchHub {

    /** A newly indexed image that matched a watch. */
    public record Match(String id, double score, ObjectNode metadata) {
    }

    private record Watch(float[] query, double threshold, Filters filters, Context context, Consumer<Match> sink) {
    }

    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final int max;

    public WatchHub(int max) {
        this.max = max;
    }

    /** Registers a watch; returns its id, or -1 when the hub is full. */
    public long open(float[] query, double threshold, Filters filters, Context context, Consumer<Match> sink) {
        if (watches.size() >= max) {
            return -1;
        }
        long id = ids.incrementAndGet();
        watches.put(id, new Watch(Vec.normalize(query), threshold, filters, context, sink));
        return id;
    }

    public void close(long id) {
        watches.remove(id);
    }

    public int size() {
        return watches.size();
    }

    /** Called by the feed thread for every indexed vector. */
    public void offer(IndexedVector indexed) {
        if (watches.isEmpty()) {
            return;
        }
        float[] vector = Vec.normalize(indexed.vector());
        for (Watch watch : watches.values()) {
            if (vector.length != watch.query().length || !TermMatcher.matches(watch.filters(), indexed.metadata())) {
                continue;
            }
            double score = Vec.dot(vector, watch.query());
            if (score >= watch.threshold()) {
                Match match = new Match(indexed.id(), score, indexed.metadata());
                watch.context().runOnContext(v -> watch.sink().accept(match));
            }
        }
    }
}
