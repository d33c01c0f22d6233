package io.cirstream.query.search;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicBoolean feedReady = new AtomicBoolean(true);
    private final ReferenceCache cache = new ReferenceCache(2, 1_000, feedReady::get, clock::get);

    @Test
    void aFetchedVectorIsServedUntilItExpires() {
        cache.fetched(cache.fetching("a"), new float[]{1});
        assertThat(cache.get("a")).containsExactly(1);
        clock.set(1_001);
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void theFeedsNewVectorReplacesTheCachedOne() {
        cache.fetched(cache.fetching("a"), new float[]{1});
        cache.updated("a", new float[]{2});
        assertThat(cache.get("a")).containsExactly(2);
    }

    @Test
    void aFetchOverlappingAChangeDoesNotPutTheOlderVectorBack() {
        ReferenceCache.Ticket ticket = cache.fetching("a");
        cache.updated("a", new float[]{2});
        cache.fetched(ticket, new float[]{1});
        assertThat(cache.get("a")).containsExactly(2);

        ReferenceCache.Ticket beforeDelete = cache.fetching("b");
        cache.removed("b");
        cache.fetched(beforeDelete, new float[]{1});
        assertThat(cache.get("b")).as("deleted while the fetch was in flight").isNull();
    }

    @Test
    void aRemovedIdIsFetchedAndCachedAgainOnceNothingChanges() {
        cache.removed("a");
        assertThat(cache.get("a")).isNull();
        cache.fetched(cache.fetching("a"), new float[]{3});
        assertThat(cache.get("a")).containsExactly(3);
    }

    @Test
    void nothingIsCachedBeforeTheFeedReadsTheTopicNorBeyondCapacity() {
        feedReady.set(false);
        cache.fetched(cache.fetching("a"), new float[]{1});
        assertThat(cache.get("a")).isNull();
        feedReady.set(true);
        for (String id : new String[]{"a", "b", "c"}) {
            cache.fetched(cache.fetching(id), new float[]{1});
        }
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a")).as("least recently used, evicted").isNull();
    }
}
