package io.cirstream.opensearch;

import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.json.Json;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Builds the OpenSearch Java client's Apache HttpClient 5 transport from {@link OpenSearchConfig}: every node (the
 * transport round-robins and, when a node does not answer, marks it dead for a while and tries the next), basic auth,
 * the configured TLS trust and hostname verification, and bounded connect and response times.
 */
final class Transports {
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(30);
    /** Enough for the query API's concurrent k-NN searches plus the indexer's bulk requests on one node. */
    private static final int MAX_CONNECTIONS_PER_NODE = 64;

    private Transports() {
    }

    static ApacheHttpClient5Transport create(OpenSearchConfig config) {
        HttpHost[] hosts = config.urls().stream().map(Transports::host).toArray(HttpHost[]::new);
        var tls = ClientTlsStrategyBuilder.create().setSslContext(TrustMaterial.sslContext(config.tls()));
        if (!config.tls().verifyHostname()) {
            tls.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tls.buildAsync())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT)
                        .setSocketTimeout(RESPONSE_TIMEOUT).build())
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_NODE)
                .setMaxConnTotal(MAX_CONNECTIONS_PER_NODE * hosts.length)
                .build();
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(Json.mapper().copy())) // the mapper reconfigures what it is given
                .setHttpClientConfigCallback(http -> http.setConnectionManager(connections))
                .setRequestConfigCallback(request -> request.setResponseTimeout(RESPONSE_TIMEOUT)
                        .setConnectionRequestTimeout(RESPONSE_TIMEOUT.getDuration(), TimeUnit.SECONDS));
        String pathPrefix = config.url().getRawPath();
        if (pathPrefix != null && !pathPrefix.isEmpty() && !"/".equals(pathPrefix)) {
            builder.setPathPrefix(pathPrefix); // OpenSearch behind a reverse proxy under a path
        }
        if (!config.username().isEmpty()) {
            // Preemptive: a node that does not send a challenge (a proxy, a managed service) still gets the
            // credentials, and no request makes a round trip just to learn that it must authenticate.
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)))});
        }
        return builder.build();
    }

    private static HttpHost host(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        return new HttpHost(url.getScheme(), url.getHost(), port);
    }
}
