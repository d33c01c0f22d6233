package io.cirstream.contract.config;

import java.net.URI;
import java.util.List;

/** Where OpenSearch is and which alias the gallery vectors live behind. */
public record OpenSearchConfig(URI url, String username, String password, String indexAlias) {

    public static final ConfigKey<URI> URL = new ConfigKey<>("opensearch.url", "http://127.0.0.1:9200",
            OpenSearchConfig::parseUrl, false, "OpenSearch base URL");
    public static final ConfigKey<String> USERNAME =
            new ConfigKey<>("opensearch.username", "", s -> s, false, "OpenSearch user (empty: no auth)");
    public static final ConfigKey<String> PASSWORD = ConfigKey.secret("opensearch.password", "OpenSearch password");
    public static final ConfigKey<String> INDEX_ALIAS =
            ConfigKey.string("opensearch.index", "cirstream-gallery", "alias of the k-NN gallery index");

    public static final List<ConfigKey<?>> KEYS = List.of(URL, USERNAME, PASSWORD, INDEX_ALIAS);

    public static OpenSearchConfig from(Settings settings) {
        return new OpenSearchConfig(settings.get(URL), settings.get(USERNAME), settings.get(PASSWORD),
                settings.get(INDEX_ALIAS));
    }

    private static URI parseUrl(String text) {
        URI uri = URI.create(text.strip());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("must be an http(s) URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no host");
        }
        return uri;
    }
}
