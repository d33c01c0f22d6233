package io.cirstream.contract.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Written last by a replay, after every gallery and query record of the run was acknowledged, so that an
 * evaluator seeing it knows the gallery {@code collection} is complete with {@code galleryCount} images.
 *
 * @param source where the annotation files were read from (a directory path)
 */
public record ReplayReceipt(String benchmark, String split, String collection, long galleryCount,
                                long queryCount, String source, Instant createdAt) {

    public ReplayReceipt {
        BenchmarkQuery.requireText("benchmark", benchmark);
        BenchmarkQuery.requireText("split", split);
        BenchmarkQuery.requireText("collection", collection);
        Objects.requireNonNull(createdAt, "createdAt");
        if (galleryCount < 0 || queryCount < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got gallery " + galleryCount
                    + ", queries " + queryCount);
        }
    }
}
