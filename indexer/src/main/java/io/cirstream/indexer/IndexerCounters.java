package io.cirstream.indexer;

/**
 * What the indexer counts, reported to whoever hosts it: the embedder's metrics when it runs in-process, or the
 * indexer's own when it runs alone.
 */
public interface IndexerCounters {

    /** One bulk request done: {@code documents} written, {@code conflicts} refused as older than the stored document. */
    void indexed(int documents, int conflicts);

    /** One vector record sent to the dead-letter topic. */
    void deadLetter();
}
