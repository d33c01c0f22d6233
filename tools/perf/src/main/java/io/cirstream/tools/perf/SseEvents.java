package io.cirstream.tools.perf;

import java.util.Optional;

/**
 * Assembles Server-Sent Events from the lines of a stream (line ends already split off), as the HTML spec's
 * event-stream interpretation does for the fields the query API sends: {@code event} names the event (default
 * {@code message}), {@code data} lines are joined with a newline, a blank line dispatches, a line starting with
 * {@code :} is a comment (the keep-alive). One optional space after the colon belongs to the syntax, not the value.
 * Not thread-safe: one reader per stream.
 */
final class SseEvents {

    /** One dispatched event. */
    record Event(String name, String data) {
    }

    private String name = "";
    private StringBuilder data;

    /** Feeds one line; returns the event a blank line completes (none when no data line came before it). */
    Optional<Event> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> { } // id, retry and unknown fields: nothing the perf run reads
        }
        return Optional.empty();
    }

    private Optional<Event> dispatch() {
        Optional<Event> event = data == null ? Optional.empty()
                : Optional.of(new Event(name.isEmpty() ? "message" : name, data.toString()));
        name = "";
        data = null;
        return event;
    }
}
