package io.cirstream.ingest.replay;

/** Reads one split of one benchmark from its files on disk. */
public interface BenchmarkParser {

    BenchmarkData parse(String split, ProblemLog log);
}
