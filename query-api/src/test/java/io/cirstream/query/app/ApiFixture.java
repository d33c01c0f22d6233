package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cirstream.contract.json.Json;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real query API over the real local Kafka and OpenSearch, the generated synthetic pack and a seeded
 * gallery; plus a small blocking HTTP client for the tests.
 */
final class ApiFixture implements AutoCloseable {
    static final int GALLERY_SIZE = 60;
    private static final Path PACKS = Path.of("target", "test-packs").toAbsolutePath();

    record Response(int status, JsonNode json, byte[] bytes, HttpResponse<byte[]> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    final ModelRuntime runtime;
    final SeededGallery gallery;
    final QueryApiServer server;
    final String topicPrefix;
    final Path dir;
    /** The configuration the server was started with, for a second instance of the same deployment. */
    final QueryApiConfig config;
    private final OpenSearchClient openSearch;
    private final HttpClient http = HttpClient.newHttpClient();

    private ApiFixture(ModelRuntime runtime, SeededGallery gallery, QueryApiServer server, String topicPrefix,
                       Path dir, QueryApiConfig config, OpenSearchClient openSearch) {
        this.config = config;
        this.runtime = runtime;
        this.gallery = gallery;
        this.server = server;
        this.topicPrefix = topicPrefix;
        this.dir = dir;
        this.openSearch = openSearch;
    }

    static ModelRuntime syntheticRuntime() {
        return runtime(PackGenerator.SYNTHETIC);
    }

    static ModelRuntime runtime(String packKind) {
        Path pack = PackGenerator.generate(packKind, PACKS.resolve(packKind));
        return ModelRuntime.load(pack, RuntimeOptions.defaults().withThreads(2).withBatchSize(16));
    }

    static ApiFixture start(Map<String, String> overrides) throws IOException {
        return start(overrides, PackGenerator.SYNTHETIC);
    }

    /** @param packKind a {@link PackGenerator} kind: the API serves that generated pack */
    static ApiFixture start(Map<String, String> overrides, String packKind) throws IOException {
        Path dir = Files.createTempDirectory("cirstream-query-it");
        ModelRuntime runtime = runtime(packKind);
        OpenSearchClient openSearch = LocalInfra.openSearch();
        String alias = LocalInfra.uniqueName("query-it");
        SeededGallery gallery = SeededGallery.create(openSearch, runtime, alias, GALLERY_SIZE, dir.resolve("world"));
        String prefix = LocalInfra.uniqueName("qit") + ".";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "vectors", 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test's vectors topic", e);
        }
        Map<String, String> settings = new HashMap<>(Map.of(
                QueryApiConfig.PORT.name(), "0",
                "opensearch.index", alias,
                QueryApiConfig.TOPIC_PREFIX.name(), prefix,
                QueryApiConfig.IMAGE_ROOTS.name(), gallery.layout.root().toAbsolutePath().toString(),
                QueryApiConfig.WEICOM_CANDIDATES.name(), "100"));
        settings.putAll(overrides);
        QueryApiConfig config = QueryApiConfig.from(LocalInfra.settings(settings));
        QueryApiServer server = QueryApiServer.start(config, runtime);
        return new ApiFixture(runtime, gallery, server, prefix, dir, config, openSearch);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Multipart with text fields and one file part. */
    Response postMultipart(String path, Map<String, String> fields, String fileField, byte[] file) {
        return send(multipartRequest(path, fields, fileField, file));
    }

    /** The multipart request {@link #postMultipart} sends, to send later or alter. */
    HttpRequest.Builder multipartRequest(String path, Map<String, String> fields, String fileField, byte[] file) {
        String boundary = "----cirstream" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"image.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> streamed = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String type = streamed.headers().firstValue("Content-Type").orElse("");
            byte[] bytes;
            // An accepted watch never ends: its headers are the answer, its stream is closed unread.
            try (InputStream body = streamed.body()) {
                bytes = type.startsWith("text/event-stream") ? new byte[0] : body.readAllBytes();
            }
            HttpResponse<byte[]> response = new BytesResponse(streamed, bytes);
            JsonNode json = type.startsWith("application/json")
                    ? Json.mapper().readTree(response.body()) : MissingNode.getInstance();
            return new Response(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A streamed response with its body read into bytes. */
    private record BytesResponse(HttpResponse<InputStream> streamed, byte[] body) implements HttpResponse<byte[]> {
        @Override
        public int statusCode() {
            return streamed.statusCode();
        }

        @Override
        public HttpRequest request() {
            return streamed.request();
        }

        @Override
        public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return streamed.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return streamed.sslSession();
        }

        @Override
        public URI uri() {
            return streamed.uri();
        }

        @Override
        public HttpClient.Version version() {
            return streamed.version();
        }
    }

    String jsonString(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        server.close();
        gallery.delete(openSearch);
        openSearch.close();
        runtime.close();
    }
}
