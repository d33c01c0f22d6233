package io.cirstream.eval.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The vectors the index stores for one collection, by image id. */
public record StoredGallery(List<String> ids, List<float[]> vectors) {

    public StoredGallery {
        ids = List.copyOf(ids);
        vectors = List.copyOf(vectors);
        if (ids.size() != vectors.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + vectors.size() + " vectors");
        }
    }

    public int size() {
        return ids.size();
    }

    public Map<String, float[]> byId() {
        Map<String, float[]> map = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), vectors.get(i));
        }
        return map;
    }
}
