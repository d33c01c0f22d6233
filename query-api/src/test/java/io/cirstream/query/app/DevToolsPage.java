package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cirstream.contract.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page kept open in headless Chromium and driven over the DevTools protocol (loopback WebSocket): for pages
 * that never "finish" loading, such as one holding an event stream, and for clicks, typing and file uploads.
 */
final class DevToolsPage implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://127\\.0\\.0\\.1:(\\d+)/\\S+)");

    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevToolsPage(Process chromium, WebSocket socket) {
        this.chromium = chromium;
        this.socket = socket;
    }

    static DevToolsPage open(String url) throws Exception {
        HeadlessChromium.requireInstalled();
        Process chromium = new ProcessBuilder(List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("cirstream-chromium"), "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", url)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = devToolsPort(chromium);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = Json.mapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(STARTUP).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageSocket = null;
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    pageSocket = target.path("webSocketDebuggerUrl").asText();
                }
            }
            DevToolsPage[] page = new DevToolsPage[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        page[0].answer(text.toString());
                        text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            }).get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            page[0] = new DevToolsPage(chromium, socket);
            page[0].waitFor("location.protocol.startsWith('http') && document.readyState === 'complete'",
                    STARTUP);
            return page[0];
        } catch (Exception e) {
            chromium.destroyForcibly();
            throw e;
        }
    }

    static ObjectNode params() {
        return Json.mapper().createObjectNode();
    }

    /** Sends one DevTools protocol command and returns its result; a protocol error throws. */
    JsonNode command(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            String message = params().put("id", id).put("method", method).set("params", params).toString();
            socket.sendText(message, true).get(10, TimeUnit.SECONDS);
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.path("error"));
            }
            return reply.path("result");
        } finally {
            pending.remove(id);
        }
    }

    /** Evaluates a JavaScript expression in the page (awaiting it when it is a promise) and returns its value. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = command("Runtime.evaluate", params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw on " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Polls a JavaScript condition until it holds; fails with the condition when it never does. A condition that
     * throws counts as not yet: while the page navigates, its execution context comes and goes.
     */
    void waitFor(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        IllegalStateException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (evaluate("Boolean(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page did not reach " + condition + " within " + timeout, last);
    }

    /** A real mouse click in the middle of the element, as a user's: it must be visible and not covered. */
    void click(String selector) throws Exception {
        JsonNode centre = evaluate("(() => { const e = document.querySelector(" + js(selector) + ");"
                + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        for (String type : new String[]{"mousePressed", "mouseReleased"}) {
            command("Input.dispatchMouseEvent", params().put("type", type).put("button", "left").put("clickCount", 1)
                    .put("x", centre.path("x").asDouble()).put("y", centre.path("y").asDouble()));
        }
    }

    /** Focuses the field and types text into it as keyboard input (input events fire; change fires on blur). */
    void type(String selector, String text) throws Exception {
        evaluate("document.querySelector(" + js(selector) + ").focus()");
        command("Input.insertText", params().put("text", text));
    }

    /** Chooses files in a file input, as the file dialog would (input and change events fire). */
    void setFiles(String selector, Path... files) throws Exception {
        int root = command("DOM.getDocument", params()).path("root").path("nodeId").asInt();
        int input = command("DOM.querySelector", params().put("nodeId", root).put("selector", selector))
                .path("nodeId").asInt();
        ObjectNode params = params().put("nodeId", input);
        ArrayNode paths = params.putArray("files");
        for (Path file : files) {
            paths.add(file.toAbsolutePath().toString());
        }
        command("DOM.setFileInputFiles", params);
    }

    /** A JavaScript string literal of text. */
    static String js(String text) {
        return TextNode.valueOf(text).toString();
    }

    private void answer(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            CompletableFuture<JsonNode> waiting = node.has("id") ? pending.get(node.path("id").asInt()) : null;
            if (waiting != null) {
                waiting.complete(node);
            }
        } catch (IOException e) {
            pending.values().forEach(waiting -> waiting.completeExceptionally(e));
        }
    }

    private static int devToolsPort(Process chromium) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        // Read on its own thread to the end (so the pipe never fills), while the wait for the DevTools line is bounded.
        Thread.ofVirtual().start(() -> {
            try (BufferedReader stderr = new BufferedReader(new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(2)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("chromium exited without opening its DevTools port"));
        });
        try {
            return port.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("chromium did not open its DevTools port within " + STARTUP.toSeconds() + " s", e);
        }
    }

    @Override
    public void close() {
        socket.abort();
        chromium.destroy();
        try {
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        } catch (InterruptedException e) {
            chromium.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
