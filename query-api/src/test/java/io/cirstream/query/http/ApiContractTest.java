package io.cirstream.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.model.composition.Method;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.search.Reference;
import io.cirstream.query.search.SearchRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiContractTest {
    private final ApiContract contract = ApiContract.load();
    private final SearchRequestParser parser = new SearchRequestParser(contract);

    @Test
    void documentAndCodeAgreeOnMethodsAndBounds() {
        assertThat(contract.methods()).containsExactlyElementsOf(Arrays.stream(Method.values()).map(Method::wireName).toList());
        assertThat(contract.minK()).isEqualTo(1);
        assertThat(contract.maxK()).isEqualTo(200);
        assertThat(contract.searchFields()).contains("reference", "text", "method", "k", "filters", "exclude_reference", "explain");
        // The watch refuses any parameter not in this list, so the list must be the whole documented query string.
        assertThat(contract.watchParameters()).containsExactlyInAnyOrder("reference_id", "reference_collection", "text",
                "method", "w", "alpha", "alpha_preset", "threshold", "filters");
    }

    @Test
    void theWebPageOffersEveryMethod() throws Exception {
        String page = Files.readString(Path.of("src", "main", "resources", "web", "index.html"));
        for (Method method : Method.values()) {
            assertThat(page).as("index.html offers %s", method.wireName())
                    .contains("<option value=\"" + method.wireName() + "\">");
        }
    }

    @Test
    void seedMethodParametersCaptionAndDescriptionAreParsed() throws Exception {
        SearchRequest request = parser.parse(json("{\"method\": \"cvsi\", \"reference\": {\"id\": \"a\"}, "
                + "\"text\": \"red\", \"beta\": 0.3, \"composer\": \"g\", \"caption\": \" a ship \", "
                + "\"description\": \"a red ship\"}"), Optional.empty());
        assertThat(request.method()).isEqualTo(Method.CVSI);
        assertThat(request.params().beta()).isEqualTo(0.3);
        assertThat(request.params().composer()).isEqualTo("g");
        assertThat(request.caption()).isEqualTo("a ship");
        assertThat(request.description()).isEqualTo("a red ship");
        assertThat(parser.parse(json("{\"method\": \"multi_token\", \"reference\": {\"id\": \"a\"}, "
                + "\"text\": \"red\"}"), Optional.empty()).description()).isEmpty();
        assertThatThrownBy(() -> parser.parse(json("{\"method\": \"cvsi\", \"reference\": {\"id\": \"a\"}, "
                + "\"text\": \"red\"}"), Optional.empty()))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("missing_text"));
        assertThatThrownBy(() -> parser.parse(json("{\"reference\": {\"id\": \"a\"}, \"text\": \"red\", "
                + "\"description\": \"" + "x".repeat(1001) + "\"}"), Optional.empty()))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("text_too_long"));
    }

    @Test
    void everyErrorCodeTheCodeCanAnswerIsInTheOpenApiDocumentAndTheDocs() throws Exception {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).toList();
        assertThat(contract.errorCodes()).containsExactlyInAnyOrderElementsOf(codes);
        String docs = Files.readString(Path.of("..", "docs", "query-api.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(docs).as("docs/query-api.md lists %s with its status", code.wireName())
                    .containsPattern("\\| `" + code.wireName() + "` \\| " + code.status() + " \\|");
        }
    }

    @Test
    void defaultsComeFromTheDocumentAndAnchors() throws Exception {
        SearchRequest request = parser.parse(json("{\"reference\": {\"id\": \"a\"}, \"text\": \" red \"}"), Optional.empty());
        assertThat(request.method()).isEqualTo(Method.SUM);
        assertThat(request.k()).isEqualTo(10);
        assertThat(request.text()).contains("red");
        assertThat(request.excludeReference()).isTrue();
        assertThat(request.params().alpha()).isEqualTo(0.8);
        assertThat(request.reference()).containsInstanceOf(Reference.ById.class);

        SearchRequest cirr = parser.parse(json("{\"method\": \"slerp\", \"reference\": {\"id\": \"a\"}, \"text\": \"x\", "
                + "\"alpha_preset\": \"cirr\"}"), Optional.empty());
        assertThat(cirr.params().alpha()).isEqualTo(0.9);
    }

    @Test
    void anUploadReplacesTheReference() throws Exception {
        SearchRequest request = parser.parse(json("{\"method\": \"image\"}"), Optional.of(new byte[]{1}));
        assertThat(request.reference()).containsInstanceOf(Reference.Bytes.class);
    }

    @Test
    void textLongerThanTheDocumentAllowsIsRefused() {
        String text = "a".repeat(contract.maxTextLength() + 1);
        assertThatThrownBy(() -> parser.parse(json("{\"method\": \"text\", \"text\": \"" + text + "\"}"), Optional.empty()))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("text_too_long"));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
