package io.cirstream.query.app;

import io.cirstream.testkit.IntegrationTest;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code query.native-transport}: Netty's epoll transport where the platform has it (it cut the API's share of a
 * search at 512-d, docs/benchmarks.md), NIO when switched off or unavailable; a search answers the same either way.
 */
@IntegrationTest
class NativeTransportIntegrationTest {

    @ParameterizedTest(name = "native-transport={0}")
    @ValueSource(booleans = {true, false})
    void searchesAnswerOnTheTransportAskedFor(boolean nativeTransport) throws Exception {
        try (ApiFixture api = ApiFixture.start(Map.of(QueryApiConfig.NATIVE_TRANSPORT.name(),
                Boolean.toString(nativeTransport)))) {
            assertThat(api.server.vertx().isNativeTransportEnabled())
                    .isEqualTo(nativeTransport && Transport.EPOLL.available());
            String id = api.gallery.byIndex(3).id();
            ApiFixture.Response answer = api.postJson("/v1/search",
                    "{\"method\":\"sum\",\"k\":5,\"reference\":{\"id\":\"" + id + "\"},\"text\":\"with a red roof\"}");
            assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(200);
            assertThat(answer.json().path("results")).hasSize(5);
        }
    }
}
