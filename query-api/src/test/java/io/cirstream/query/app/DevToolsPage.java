package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.core.json.Json;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page kept open in headless Chromium and inspected over the DevTools protocol (loopback WebSocket), for
 * pages that never "finish" loading, such as one holding an event stream.
 */
final class DevToolsPage implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://127\\.0\\.0\\.1:(\\d+)/\\S+)");

    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private volatile CompletableFuture<JsonNode> pending;

    private DevToolsPage(Process chromium, WebSocket socket) {
        this.chromium = chromium;
        this.socket = socket;
    }

    static DevToolsPage open(String url) throws Exception {
        HeadlessChromium.ensureInstalled();
        Process chromium = new ProcessBuilder(List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("cirstream-chromium"), "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", url)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = devToolsPort(chromium);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = Json.mapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
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
            }).get(30, TimeUnit.SECONDS);
            page[0] = new DevToolsPage(chromium, socket);
            return page[0];
        } catch (Exception e) {
            chromium.destroyForcibly();
            throw e;
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value. */
    JsonNode evaluate(String expression) throws Exception {
        int id = ids.incrementAndGet();
        pending = new CompletableFuture<>();
        String message = Json.mapper().createObjectNode().put("id", id).put("method", "Runtime.evaluate")
                .set("params", Json.mapper().createObjectNode().put("expression", expression).put("returnByValue", true))
                .toString();
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        return pending.get(10, TimeUnit.SECONDS).path("result").path("result").path("value");
    }

    private void answer(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node.has("id") && pending != null) {
                pending.complete(node);
            }
        } catch (IOException e) {
            pending.completeExceptionally(e);
        }
    }

    private static int devToolsPort(Process chromium) throws IOException {
        BufferedReader stderr = new BufferedReader(new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread.ofVirtual().start(() -> stderr.lines().forEach(ignored -> { }));
                return Integer.parseInt(matcher.group(2));
            }
        }
        throw new IllegalStateException("chromium exited without opening its DevTools port");
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        chromium.destroy();
        if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
        }
    }
}
