package io.cirstream.query.inference;

import io.cirstream.model.TextEncoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text embeddings with a bounded LRU cache in front of the encoder: users repeat modification texts
 * ("make it red") far more often than images, and a hit saves a whole text-tower run. Blocking on a miss.
 */
public final class TextEmbeddings {

    private final TextEncoder encoder;
    private final Map<String, float[]> cache;

    public TextEmbeddings(TextEncoder encoder, int capacity) {
        this.encoder = encoder;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The embedding of {@code text}; callers must not modify the returned array (it is shared). */
    public float[] embed(String text) {
        synchronized (cache) {
            float[] cached = cache.get(text);
            if (cached != null) {
                return cached;
            }
        }
        float[] computed = encoder.encode(List.of(text)).getFirst();
        synchronized (cache) {
            cache.put(text, computed);
        }
        return computed;
    }

    /** Whether {@code text}'s embedding is cached, so {@link #embed} returns at once without the encoder. */
    public boolean isCached(String text) {
        synchronized (cache) {
            return text != null && cache.containsKey(text);
        }
    }

    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
