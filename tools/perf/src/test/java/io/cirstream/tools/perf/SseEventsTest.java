package io.cirstream.tools.perf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseEventsTest {

    private static List<SseEvents.Event> feed(String... lines) {
        SseEvents events = new SseEvents();
        List<SseEvents.Event> out = new ArrayList<>();
        for (String line : lines) {
            events.line(line).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void readsTheEventsTheWatchSends() {
        List<SseEvents.Event> events = feed("event: ready", "data: {\"watch\":1}", "",
                ": keep-alive", "",
                "event: match", "data: {\"id\":\"live-7\",\"score\":0.5}", "");
        assertEquals(List.of(new SseEvents.Event("ready", "{\"watch\":1}"),
                new SseEvents.Event("match", "{\"id\":\"live-7\",\"score\":0.5}")), events);
        assertEquals("live-7", WatchStream.matchId(events.get(1).data()));
    }

    @Test
    void joinsDataLinesAndStripsOnlyOneSpace() {
        assertEquals(List.of(new SseEvents.Event("message", "a\n  b\nc")), feed("data:a", "data:   b", "data: c", ""));
    }

    @Test
    void aBlankLineWithoutDataDispatchesNothingAndForgetsTheName() {
        assertEquals(List.of(new SseEvents.Event("message", "x")), feed("event: match", "", "data: x", ""));
    }

    @Test
    void ignoresCommentsUnknownFieldsAndAnUnfinishedEvent() {
        assertTrue(feed(": hello", "id: 4", "retry: 10", "event: match", "data: {\"id\":\"x\"}").isEmpty());
    }
}
