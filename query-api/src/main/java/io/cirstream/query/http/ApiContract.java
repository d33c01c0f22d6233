package io.cirstream.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI document served at {@code /openapi.yaml}, and the request bounds read from it, so the
 * document and the validation cannot drift apart: k's range, the method names and the accepted fields
 * of a search request all come from {@code components.schemas.SearchRequest}, a watch's accepted query parameters
 * from {@code paths./v1/watch}.
 */
public final class ApiContract {
    static final String RESOURCE = "openapi/query-api.yaml";

    private final String yaml;
    private final JsonNode searchRequest;
    private final JsonNode errorCodes;
    private final JsonNode watchParameters;

    private ApiContract(String yaml) {
        this.yaml = yaml;
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            JsonNode schemas = root.path("components").path("schemas");
            this.searchRequest = schemas.path("SearchRequest").path("properties");
            this.errorCodes = schemas.path("ErrorCode").path("enum");
            this.watchParameters = root.path("paths").path("/v1/watch").path("get").path("parameters");
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled OpenAPI document does not parse", e);
        }
    }

    public static ApiContract load() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String yaml() {
        return yaml;
    }

    public int minK() {
        return searchRequest.path("k").path("minimum").asInt();
    }

    public int maxK() {
        return searchRequest.path("k").path("maximum").asInt();
    }

    public int defaultK() {
        return searchRequest.path("k").path("default").asInt();
    }

    public String defaultMethod() {
        return searchRequest.path("method").path("default").asText();
    }

    public int maxTextLength() {
        return maxLength("text");
    }

    /** The maxLength of a string field of a search request (text, caption, description). */
    public int maxLength(String field) {
        return searchRequest.path(field).path("maxLength").asInt();
    }

    public List<String> methods() {
        return strings(searchRequest.path("method").path("enum"));
    }

    /** The error codes the document lists ({@code components.schemas.ErrorCode}). */
    public List<String> errorCodes() {
        return strings(errorCodes);
    }

    public List<String> searchFields() {
        List<String> names = new ArrayList<>();
        searchRequest.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The query parameters of {@code GET /v1/watch}, the only ones a watch accepts. */
    public List<String> watchParameters() {
        List<String> names = new ArrayList<>();
        watchParameters.forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }

    public List<String> referenceFields() {
        List<String> names = new ArrayList<>();
        searchRequest.path("reference").path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
