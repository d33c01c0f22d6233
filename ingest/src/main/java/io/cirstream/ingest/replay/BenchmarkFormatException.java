package io.cirstream.ingest.replay;

/** A benchmark cannot be replayed: a required file is unusable, or a problem was met in stop-on-problem mode. */
public final class BenchmarkFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;


    public BenchmarkFormatException(String message) {
        super(message);
    }

    BenchmarkFormatException(ParseProblem problem) {
        super(problem.toString());
    }
}
