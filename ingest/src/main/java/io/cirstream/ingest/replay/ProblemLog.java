package io.cirstream.ingest.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a parser found wrong. Parsing is lenient (a bad entry is skipped and the rest is read) unless
 * the mode is {@link Mode#STOP}, in which case the first problem ends the parse.
 */
public final class ProblemLog {

    public enum Mode { CONTINUE, STOP }

    private final Mode mode;
    private final List<ParseProblem> problems = new ArrayList<>();

    public ProblemLog(Mode mode) {
        this.mode = mode;
    }

    public void report(Path file, String location, String message) {
        ParseProblem problem = new ParseProblem(file, location, message);
        problems.add(problem);
        if (mode == Mode.STOP) {
            throw new BenchmarkFormatException(problem);
        }
    }

    /**
     * A problem the parse goes on past by doing {@code consequence} ("keeping the first"); in stop mode the parse
     * stops instead, so the consequence is not claimed.
     */
    public void report(Path file, String location, String message, String consequence) {
        report(file, location, mode == Mode.STOP ? message + " (--on-problem stop)" : message + "; " + consequence);
    }

    public List<ParseProblem> problems() {
        return List.copyOf(problems);
    }
}
