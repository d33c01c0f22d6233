package io.cirstream.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.CvsiFusion;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Slerp;
import io.cirstream.model.composition.WeiCom;
import io.cirstream.model.composition.WeightedSum;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.search.FilterParser;
import io.cirstream.query.search.ImageIds;
import io.cirstream.query.search.Reference;
import io.cirstream.query.search.SearchRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns the JSON of a search request (or of a watch, built from its query string) into a validated
 * {@link SearchRequest}. Bounds and field names come from the OpenAPI document ({@link ApiContract}); every
 * mistake is a 400 with a code that names the kind of mistake.
 */
public final class SearchRequestParser {

    private final ApiContract contract;

    public SearchRequestParser(ApiContract contract) {
        this.contract = contract;
    }

    /** @param upload reference image bytes sent as a multipart part; they take the place of {@code reference} */
    public SearchRequest parse(JsonNode body, Optional<byte[]> upload) {
        if (body == null || !body.isObject()) {
            throw QueryError.of(ErrorCode.BAD_JSON, "the request body must be a JSON object");
        }
        requireKnownFields(body, contract.searchFields(), "");
        requireNoNulls(body);
        Method method = method(body);
        Optional<Reference> reference = upload.<Reference>map(Reference.Bytes::new).or(() -> reference(body));
        Optional<String> text = text(body, "text");
        if (method.needsReference() && reference.isEmpty()) {
            throw QueryError.of(ErrorCode.MISSING_REFERENCE, "method " + method.wireName()
                    + " needs a reference: {\"reference\": {\"id\": ...}}, an image_base64, a url or an uploaded image");
        }
        if (method.needsText() && text.isEmpty()) {
            throw QueryError.of(ErrorCode.MISSING_TEXT, "method " + method.wireName() + " needs a non-empty text");
        }
        String description = text(body, "description").orElse("");
        if (method == Method.CVSI && description.isEmpty()) {
            throw QueryError.of(ErrorCode.MISSING_TEXT, "method cvsi needs a description: the target as your own "
                    + "LLM step described it");
        }
        return new SearchRequest(reference, text, text(body, "caption").orElse(""), description, method,
                params(body), k(body), FilterParser.parse(body.get("filters")),
                bool(body, "exclude_reference", true), bool(body, "explain", false), groupByProduct(body));
    }

    private Method method(JsonNode body) {
        String name = body.has("method") && body.get("method").isTextual() ? body.get("method").asText()
                : optionalText(body, "method").orElse(contract.defaultMethod());
        return Method.parse(name).filter(m -> contract.methods().contains(m.wireName())).orElseThrow(() ->
                QueryError.of(ErrorCode.UNKNOWN_METHOD, "unknown method '" + name + "'; use one of " + Method.names()));
    }

    private Optional<Reference> reference(JsonNode body) {
        JsonNode node = body.get("reference");
        if (node == null) {
            return Optional.empty();
        }
        // One source of the image; a collection only names which indexed image an id means.
        int sources = node.isObject() ? node.size() - (node.has("collection") ? 1 : 0) : 0;
        if (sources != 1) {
            throw QueryError.of(ErrorCode.BAD_REFERENCE, "reference must be an object with exactly one of "
                    + String.join(", ", contract.referenceFields().stream().filter(f -> !f.equals("collection")).toList())
                    + " (and, with id, optionally collection)");
        }
        requireKnownFields(node, contract.referenceFields(), "reference.");
        String source = sourceField(node);
        String value = nonBlank(node.get(source));
        String collection = node.has("collection") ? nonBlank(node.get("collection")) : null;
        if (collection != null && !source.equals("id")) {
            throw QueryError.of(ErrorCode.BAD_REFERENCE, "reference.collection goes with reference.id only");
        }
        return Optional.of(switch (source) {
            case "id" -> new Reference.ById(ImageIds.check("reference.id", value), collection);
            case "image_base64" -> new Reference.Bytes(base64(value));
            default -> new Reference.Url(uri(value));
        });
    }

    /** The one field of the reference that is not its collection. */
    private static String sourceField(JsonNode node) {
        var names = node.fieldNames();
        String name = names.next();
        return name.equals("collection") ? names.next() : name;
    }

    private static String nonBlank(JsonNode valueNode) {
        if (!valueNode.isTextual() || valueNode.asText().isBlank()) {
            throw QueryError.of(ErrorCode.BAD_REFERENCE, "the reference value must be a non-empty string, got "
                    + valueNode);
        }
        return valueNode.asText();
    }

    /** A free text field (text, caption, description): stripped, no control characters, within its maxLength. */
    private Optional<String> text(JsonNode body, String name) {
        Optional<String> text = optionalText(body, name).map(String::strip);
        text.filter(SearchRequestParser::hasControlCharacters).ifPresent(t -> {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, name + " contains a control character or an invalid UTF-8 "
                    + "sequence (U+FFFD)");
        });
        int limit = contract.maxLength(name);
        text.filter(t -> t.length() > limit).ifPresent(t -> {
            throw QueryError.of(ErrorCode.TEXT_TOO_LONG, name + " is " + t.length() + " characters, the limit is "
                    + limit);
        });
        return text;
    }

    private static CompositionParams params(JsonNode body) {
        double alpha = optionalText(body, "alpha_preset").map(SearchRequestParser::preset).orElse(Slerp.DEFAULT_ALPHA);
        try {
            return new CompositionParams(number(body, "w", WeightedSum.DEFAULT_WEIGHT), number(body, "alpha", alpha),
                    number(body, "lambda", WeiCom.DEFAULT_LAMBDA), number(body, "beta", CvsiFusion.DEFAULT_BETA),
                    optionalText(body, "composer").orElse(""));
        } catch (IllegalArgumentException e) {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, e.getMessage());
        }
    }

    private static double preset(String benchmark) {
        if (!List.of("cirr", "circo", "fashioniq").contains(benchmark)) {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, "alpha_preset must be cirr, circo or fashioniq");
        }
        return Slerp.defaultAlpha(benchmark);
    }

    private int k(JsonNode body) {
        JsonNode node = body.get("k");
        if (node == null) {
            return contract.defaultK();
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < contract.minK()
                || node.asInt() > contract.maxK()) {
            throw QueryError.of(ErrorCode.BAD_K, "k must be a whole number within " + contract.minK() + ".."
                    + contract.maxK() + ", got " + node);
        }
        return node.asInt();
    }

    private static boolean groupByProduct(JsonNode body) {
        return optionalText(body, "group").map(group -> {
            if (!group.equals("product")) {
                throw QueryError.of(ErrorCode.BAD_PARAMETER, "group must be \"product\" (one result per product), got '"
                        + group + "'");
            }
            return true;
        }).orElse(false);
    }

    static double number(JsonNode body, String name, double fallback) {
        JsonNode node = body.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, name + " must be a finite number, got " + node);
        }
        return node.asDouble();
    }

    private static boolean bool(JsonNode body, String name, boolean fallback) {
        JsonNode node = body.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, name + " must be true or false, got " + node);
        }
        return node.asBoolean();
    }

    private static Optional<String> optionalText(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, name + " must be a non-empty string, got " + node);
        }
        return Optional.of(node.asText());
    }

    /** Null is never a value: a field is either absent (its default applies) or valid. */
    private static void requireNoNulls(JsonNode body) {
        body.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                ErrorCode code = switch (field.getKey()) {
                    case "k" -> ErrorCode.BAD_K;
                    case "method" -> ErrorCode.UNKNOWN_METHOD;
                    case "reference" -> ErrorCode.BAD_REFERENCE;
                    case "filters" -> ErrorCode.BAD_FILTER;
                    default -> ErrorCode.BAD_PARAMETER;
                };
                throw QueryError.of(code, field.getKey() + " must not be null; leave it out for its default");
            }
        });
    }

    /** C0/C1 controls other than tab and line ends, and U+FFFD, which is what invalid UTF-8 decodes to. */
    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c == '\uFFFD'
                || Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private static void requireKnownFields(JsonNode node, List<String> known, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw QueryError.of(ErrorCode.UNKNOWN_FIELD, "unknown field '" + prefix + name + "'; known: "
                        + String.join(", ", known));
            }
        });
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw QueryError.of(ErrorCode.BAD_REFERENCE, "reference.image_base64 is not valid base64: " + e.getMessage());
        }
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw QueryError.of(ErrorCode.BAD_REFERENCE, "reference.url is not a URI: " + e.getMessage());
        }
    }
}
