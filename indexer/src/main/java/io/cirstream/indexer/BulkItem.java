package io.cirstream.indexer;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of one action of a bulk response, classified for the sink. */
record BulkItem(int status, String error) {

    enum Outcome { DONE, CONFLICT, RETRY, FAILED }

    static BulkItem of(JsonNode item) {
        JsonNode result = item.elements().next();
        JsonNode error = result.path("error");
        String reason = error.isMissingNode() ? null : error.path("type").asText() + ": " + error.path("reason").asText();
        return new BulkItem(result.path("status").asInt(), reason);
    }

    /**
     * 409 is an older event losing to a newer one (external versioning), the expected result of a replay; 404 is a
     * delete of a document that never got indexed; 429 and 5xx are the cluster asking us to come back later.
     */
    Outcome outcome() {
        if (status == 409) {
            return Outcome.CONFLICT;
        }
        if (status == 429 || status >= 500) {
            return Outcome.RETRY;
        }
        return (status >= 200 && status < 300) || (status == 404 && error == null) ? Outcome.DONE : Outcome.FAILED;
    }
}
