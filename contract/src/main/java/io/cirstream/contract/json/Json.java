package io.cirstream.contract.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson configuration every module uses, so events read and write the same everywhere. Reading is
 * strict about the document's end: a value followed by anything but whitespace is refused, never half-read.
 * NaN and Infinity literals are refused (Jackson's default); {@link #strictReader()} also refuses duplicate keys.
 */
public final class Json {
    // Vectors are hundreds of decimals per event, read by the embedder's sink and the query API: Jackson's bundled
    // fast parser reads them about three times faster than Double.parseDouble, to the same correctly rounded double.
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build())
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectReader STRICT = MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A reader for documents from untrusted clients (events, request bodies): like {@link #mapper()}, and a key
     * that appears twice in one object is refused instead of the last one silently winning.
     */
    public static ObjectReader strictReader() {
        return STRICT;
    }
}
