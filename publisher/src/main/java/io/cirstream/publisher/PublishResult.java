package io.cirstream.publisher;

/** The outcome of one submission: acknowledged by Kafka, or refused with a reason. */
public sealed interface PublishResult {

    String id();

    /** What was submitted, for reports: a path, a URI, or {@code upload}. */
    String source();

    record Accepted(String id, String source, String topic, int partition, long offset, long bytes)
            implements PublishResult {
    }

    record Rejected(String id, String source, RejectReason reason, String message) implements PublishResult {

        /** {@code REASON: message}, the one-line form used in summaries and HTTP errors. */
        public String describe() {
            return reason + ": " + message;
        }
    }
}
