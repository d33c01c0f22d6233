package io.cirstream.tools.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cirstream.contract.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;

/**
 * One open {@code GET /v1/watch} read on its own thread: each {@code match} event's image id is handed on with the
 * {@link System#nanoTime()} its blank line arrived. The stream is read line by line straight off the socket (no
 * gzip asked for, none sent), so an event is timed when its last byte is here, not when a buffer fills.
 */
final class WatchStream implements AutoCloseable {
    private final InputStream body;
    private final Thread reader;
    private final CountDownLatch ready = new CountDownLatch(1);

    private WatchStream(InputStream body, ObjLongConsumer<String> matches) {
        this.body = body;
        this.reader = Thread.ofPlatform().daemon().name("bench-watch-reader").start(() -> read(matches));
    }

    /**
     * Opens the watch, retrying while the API answers 503 (its vectors feed is not positioned yet), and returns once
     * the stream's {@code ready} event arrived: images indexed from then on are matched.
     */
    static WatchStream open(HttpClient http, URI uri, Duration patience, ObjLongConsumer<String> matches)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200) {
                WatchStream stream = new WatchStream(response.body(), matches);
                if (!stream.ready.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    stream.close();
                    throw new IllegalStateException("the watch sent no ready event within " + patience);
                }
                return stream;
            }
            String error;
            try (InputStream in = response.body()) {
                error = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + error);
            }
            Thread.sleep(200);
        }
    }

    private void read(ObjLongConsumer<String> matches) {
        SseEvents events = new SseEvents();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                events.line(line).ifPresent(event -> {
                    switch (event.name()) {
                        case "ready" -> ready.countDown();
                        case "match" -> matches.accept(matchId(event.data()), now);
                        default -> { }
                    }
                });
            }
        } catch (IOException e) {
            // Closing the stream ends the read with an IOException: the normal way out.
        }
    }

    static String matchId(String data) {
        try {
            return Json.mapper().readTree(data).path("id").asText();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a match event's data is not JSON: " + data, e);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
            reader.join(5_000);
        } catch (IOException e) {
            // Already broken: nothing left to release.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
