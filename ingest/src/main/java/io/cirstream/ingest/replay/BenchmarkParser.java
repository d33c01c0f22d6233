package io.cirstream.ingest.replay;

/** Reads one split of one benchmark from its files on disk. */
public interface BenchmarkParser {

    BenchmarkData parse(String split, ProblemLog log);

    /** Where this parser looks for a split's image files, for the message of a replay that found none. */
    String expectedImages(String split);
}
