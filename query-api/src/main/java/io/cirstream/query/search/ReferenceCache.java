package io.cirstream.query.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The stored vectors of recently used references, so a search by reference id does not pay a second OpenSearch
 * round trip. Kept correct by the {@code vectors} topic, which every change to a gallery image passes through:
 * the watch feed {@link #updated puts} each new vector and {@link #removed removes} on a tombstone or a vector of
 * another pack, as the indexer applies them. A vector fetched from the index is only kept when no change to that
 * id arrived while it was in flight (it could be older than the feed's), and only once the feed reads the topic
 * (before that a change could pass unseen). Entries also expire after {@code ttlNanos}, a bound on staleness for
 * writes that bypass the topic (an index rebuilt or deleted by hand). Thread-safe: event loops and the feed use it.
 */
public final class ReferenceCache {

    /** A removed id's entry: blocks an in-flight fetch from putting back what was just removed; a miss on read. */
    private static final float[] GONE = new float[0];

    private final int capacity;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final BooleanSupplier feedReady;
    private final Map<String, Cached> entries;

    private record Cached(float[] vector, long storedAt) {
    }

    /** Where a fetch started: the {@link #fetched} that ends it is dropped if the id changed in between. */
    public record Ticket(String id, long changesSeen) {
    }

    private long changes;

    public ReferenceCache(int capacity, long ttlNanos, BooleanSupplier feedReady) {
        this(capacity, ttlNanos, feedReady, System::nanoTime);
    }

    ReferenceCache(int capacity, long ttlNanos, BooleanSupplier feedReady, LongSupplier clock) {
        this.capacity = capacity;
        this.ttlNanos = ttlNanos;
        this.clock = clock;
        this.feedReady = feedReady;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > ReferenceCache.this.capacity;
            }
        };
    }

    public static ReferenceCache disabled() {
        return new ReferenceCache(0, 0, () -> false);
    }

    /** The cached vector of {@code id}, or null on a miss. */
    public synchronized float[] get(String id) {
        Cached entry = entries.get(id);
        if (entry == null || entry.vector() == GONE) {
            return null;
        }
        if (clock.getAsLong() - entry.storedAt() > ttlNanos) {
            entries.remove(id);
            return null;
        }
        return entry.vector();
    }

    /** Call before fetching {@code id} from the index. */
    public synchronized Ticket fetching(String id) {
        return new Ticket(id, changes);
    }

    /** A vector fetched from the index for {@code ticket}; kept only if nothing about that id changed meanwhile. */
    public synchronized void fetched(Ticket ticket, float[] vector) {
        if (capacity == 0 || vector == null || !feedReady.getAsBoolean()) {
            return;
        }
        Cached now = entries.get(ticket.id());
        boolean changedSince = changes != ticket.changesSeen() && now != null;
        if (!changedSince) {
            entries.put(ticket.id(), new Cached(vector, clock.getAsLong()));
        }
    }

    /** The feed saw a new vector for {@code id} (in this pack's space). */
    public synchronized void updated(String id, float[] vector) {
        changes++;
        if (capacity > 0) {
            entries.put(id, new Cached(vector, clock.getAsLong()));
        }
    }

    /** The feed saw {@code id} deleted (tombstone) or replaced by a vector this API cannot use. */
    public synchronized void removed(String id) {
        changes++;
        if (capacity > 0) {
            entries.put(id, new Cached(GONE, clock.getAsLong()));
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
