package io.cirstream.embedder.stream;

/**
 * A checked gallery record as {@link EventChecker} hands it to {@link MicroBatcher} inside the stream task: the raw
 * value (what the pending store and a dead letter keep) with the event parsed and the image fetched once, so
 * neither is repeated for the event-time comparison or at flush. Never serialised: check and batch run in one task.
 */
record Arrived(byte[] value, ImageLoader.Checked checked) {
}
