package io.cirstream.contract.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where OpenSearch is (one or several nodes, tried in turn), how cirstream authenticates to it and which CA it trusts,
 * and which alias the gallery vectors live behind.
 *
 * @param urls     the nodes' base URLs; requests go round-robin and fail over to the next node when one does not answer
 * @param username HTTP basic-auth user, empty for none
 * @param password HTTP basic-auth password (a secret: masked when printed)
 * @param tls      which certificates an {@code https} node may present
 */
public record OpenSearchConfig(List<URI> urls, String username, String password, String indexAlias, Tls tls) {

    public static final ConfigKey<URI> URL = new ConfigKey<>("opensearch.url", "http://127.0.0.1:9200",
            OpenSearchConfig::parseUrl, false, "OpenSearch base URL (one node; see opensearch.urls for several)");
    public static final ConfigKey<List<URI>> URLS = new ConfigKey<>("opensearch.urls", "",
            OpenSearchConfig::parseUrls, false, "OpenSearch nodes, comma-separated base URLs, failed over in turn "
            + "(empty: opensearch.url)");
    public static final ConfigKey<String> USERNAME =
            new ConfigKey<>("opensearch.username", "", s -> s, false, "OpenSearch user (empty: no auth)");
    public static final ConfigKey<String> PASSWORD = ConfigKey.secret("opensearch.password", "OpenSearch password");
    public static final ConfigKey<String> INDEX_ALIAS =
            ConfigKey.string("opensearch.index", "cirstream-gallery", "alias of the k-NN gallery index");
    public static final ConfigKey<String> TLS_CA_PEM = new ConfigKey<>("opensearch.tls.ca-pem", "", String::strip,
            false, "PEM file of the CA(s) that sign the nodes' certificates; when set (or a truststore), only these "
            + "are trusted (empty: the JVM's default trust)");
    public static final ConfigKey<String> TLS_TRUSTSTORE = new ConfigKey<>("opensearch.tls.truststore", "",
            String::strip, false, "truststore file (PKCS12 or JKS) with the CA(s) to trust, instead of or beside "
            + "opensearch.tls.ca-pem");
    public static final ConfigKey<String> TLS_TRUSTSTORE_PASSWORD =
            ConfigKey.secret("opensearch.tls.truststore-password", "password of opensearch.tls.truststore");
    public static final ConfigKey<String> TLS_TRUSTSTORE_TYPE = ConfigKey.string("opensearch.tls.truststore-type",
            "PKCS12", "type of opensearch.tls.truststore (PKCS12 or JKS)");
    public static final ConfigKey<Boolean> TLS_VERIFY_HOSTNAME = ConfigKey.bool("opensearch.tls.verify-hostname", true,
            "check that a node's certificate names the host connected to (turn off only for testing)");

    public static final List<ConfigKey<?>> KEYS = List.of(URL, URLS, USERNAME, PASSWORD, INDEX_ALIAS, TLS_CA_PEM,
            TLS_TRUSTSTORE, TLS_TRUSTSTORE_PASSWORD, TLS_TRUSTSTORE_TYPE, TLS_VERIFY_HOSTNAME);

    /**
     * The certificates an {@code https} node may present. With neither a CA PEM nor a truststore the JVM's default
     * trust applies; with either (or both), only the CAs they hold.
     */
    public record Tls(Optional<Path> caPem, Optional<Path> truststore, String truststorePassword,
                      String truststoreType, boolean verifyHostname) {
        public static final Tls DEFAULT = new Tls(Optional.empty(), Optional.empty(), "", "PKCS12", true);

        /** Only the CA(s) in this PEM file, hostnames verified. */
        public static Tls caPem(Path pem) {
            return new Tls(Optional.of(pem), Optional.empty(), "", "PKCS12", true);
        }

        /** Whether the configured CAs replace the JVM's default trust. */
        public boolean customTrust() {
            return caPem.isPresent() || truststore.isPresent();
        }

        @Override
        public String toString() { // never the password
            return "Tls[caPem=" + caPem + ", truststore=" + truststore + ", truststoreType=" + truststoreType
                    + ", verifyHostname=" + verifyHostname + "]";
        }
    }

    public OpenSearchConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one OpenSearch URL");
        }
    }

    /** One node, the JVM's default trust: the local infrastructure and most tests. */
    public OpenSearchConfig(URI url, String username, String password, String indexAlias) {
        this(List.of(url), username, password, indexAlias, Tls.DEFAULT);
    }

    public static OpenSearchConfig from(Settings settings) {
        List<URI> urls = settings.get(URLS);
        Tls tls = new Tls(path(settings.get(TLS_CA_PEM)), path(settings.get(TLS_TRUSTSTORE)),
                settings.get(TLS_TRUSTSTORE_PASSWORD), settings.get(TLS_TRUSTSTORE_TYPE),
                settings.get(TLS_VERIFY_HOSTNAME));
        return new OpenSearchConfig(urls.isEmpty() ? List.of(settings.get(URL)) : urls, settings.get(USERNAME),
                settings.get(PASSWORD), settings.get(INDEX_ALIAS), tls);
    }

    /** The first node: for messages and for tools that talk to one node only. */
    public URI url() {
        return urls.getFirst();
    }

    @Override
    public String toString() { // never the password
        return "OpenSearchConfig[urls=" + urls + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "****") + ", indexAlias=" + indexAlias + ", tls=" + tls + "]";
    }

    private static Optional<Path> path(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
    }

    private static List<URI> parseUrls(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(OpenSearchConfig::parseUrl).toList();
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
