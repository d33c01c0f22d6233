package io.cirstream.contract.event;

/**
 * An event that cannot be decoded. {@link #field()} is the JSON path of the offending field
 * ({@code image.inline}, {@code metadata.geo.lat}, or {@code $} for the document itself) and
 * {@link #problem()} says what was wrong with it, so a dead letter explains itself.
 */
public final class MalformedEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public MalformedEventException(String field, String problem) {
        super("malformed event: field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
