package io.cirstream.eval.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vectors the index stores for one collection, by image id.
 *
 * @param tags each image's tags (the categories a replay listed it in), in the order of {@code ids}
 */
public record StoredGallery(List<String> ids, List<float[]> vectors, List<List<String>> tags) {

    public StoredGallery {
        ids = List.copyOf(ids);
        vectors = List.copyOf(vectors);
        tags = tags == null ? ids.stream().map(id -> List.<String>of()).toList()
                : tags.stream().map(List::copyOf).toList();
        if (ids.size() != vectors.size() || ids.size() != tags.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + vectors.size() + " vectors and "
                    + tags.size() + " tag lists");
        }
    }

    public StoredGallery(List<String> ids, List<float[]> vectors) {
        this(ids, vectors, null);
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

    /** The images tagged with {@code tag}: one category's gallery. */
    public StoredGallery tagged(String tag) {
        List<String> keptIds = new ArrayList<>();
        List<float[]> keptVectors = new ArrayList<>();
        List<List<String>> keptTags = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (tags.get(i).contains(tag)) {
                keptIds.add(ids.get(i));
                keptVectors.add(vectors.get(i));
                keptTags.add(tags.get(i));
            }
        }
        return new StoredGallery(keptIds, keptVectors, keptTags);
    }
}
