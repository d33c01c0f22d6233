package io.cirstream.eval.live;

/**
 * Why one query got no ranking. Failures are counted per {@link #reason()} in the report, and the query scores
 * as a miss: the system gave no answer, and leaving it out would raise the numbers of a system that fails on
 * hard queries.
 *
 * @param reason  {@code <status> <api error code>} for a refusal (e.g. {@code 400 bad_request}),
 *                {@code no_answer} when the API could not be reached, {@code bad_answer} for an unreadable 200,
 *                {@code empty_text} for a query whose text is empty and the method needs one
 * @param message the API's message or the client's, for the first example shown per reason
 */
public record QueryFailure(String reason, String message) {
    public static final QueryFailure EMPTY_TEXT = new QueryFailure("empty_text",
            "the query's modification text is empty and the method needs one; not sent");

    static QueryFailure of(int status, String code, String message) {
        if (status == 0) {
            return new QueryFailure("no_answer", message);
        }
        if (status == 200) {
            return new QueryFailure("bad_answer", message);
        }
        return new QueryFailure(status + " " + (code == null || code.isBlank() ? "no_error_code" : code), message);
    }
}
