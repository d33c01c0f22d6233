package io.cirstream.contract.index;

/**
 * How a gallery index is laid out. Shards and the HNSW graph parameters are fixed when a concrete index is created
 * (changing them means a re-index, docs/embedder.md); replicas and the refresh interval are also applied to an index
 * that exists already.
 *
 * @param shards             primary shards: spread a large gallery over nodes (docs/operations.md sizes them)
 * @param replicas           copies of each shard: survive a node loss, serve more queries; 0 on a single node
 * @param refreshInterval    how soon an indexed vector becomes searchable, e.g. {@code 1s}
 * @param hnswM              HNSW graph degree: higher recalls better and costs memory per vector
 * @param hnswEfConstruction HNSW build-time beam: higher builds a better graph, more slowly
 * @param encoder            how vectors are stored in the graph: {@code none} (float32) or {@code sq} (lucene's 7-bit
 *                           scalar quantization, about a quarter of the vector memory; docs/operations.md sizes it)
 */
public record IndexSettings(int shards, int replicas, String refreshInterval, int hnswM, int hnswEfConstruction,
                            String encoder) {

    public static final String ENCODER_NONE = "none";
    public static final String ENCODER_SQ = "sq";

    public static final int DEFAULT_SHARDS = 1;
    public static final int DEFAULT_REPLICAS = 0;
    public static final int DEFAULT_M = 16;
    public static final int DEFAULT_EF_CONSTRUCTION = 128;

    public IndexSettings {
        requireBetween("shards", shards, 1, 1024);
        requireBetween("replicas", replicas, 0, 16);
        requireBetween("hnsw m", hnswM, 2, 512);
        requireBetween("hnsw ef_construction", hnswEfConstruction, 2, 4096);
        if (!ENCODER_NONE.equals(encoder) && !ENCODER_SQ.equals(encoder)) {
            throw new IllegalArgumentException("encoder must be none or sq, got " + encoder);
        }
        if (refreshInterval == null || refreshInterval.isBlank()) {
            throw new IllegalArgumentException("a refresh interval is required, e.g. 1s");
        }
    }

    /** Float32 vectors in the graph, the layout before the encoder was configurable. */
    public IndexSettings(int shards, int replicas, String refreshInterval, int hnswM, int hnswEfConstruction) {
        this(shards, replicas, refreshInterval, hnswM, hnswEfConstruction, ENCODER_NONE);
    }

    /** The same settings with another vector encoder. */
    public IndexSettings withEncoder(String name) {
        return new IndexSettings(shards, replicas, refreshInterval, hnswM, hnswEfConstruction, name);
    }

    /** The settings every index had before they were configurable, with the given refresh interval. */
    public static IndexSettings defaults(String refreshInterval) {
        return new IndexSettings(DEFAULT_SHARDS, DEFAULT_REPLICAS, refreshInterval, DEFAULT_M, DEFAULT_EF_CONSTRUCTION);
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
