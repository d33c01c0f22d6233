package io.cirstream.publisher;

/** A submission refused during validation; becomes a {@link PublishResult.Rejected}. */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    Rejection(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
