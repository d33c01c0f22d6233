package io.cirstream.model;

import io.cirstream.model.onnx.RuntimeOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading a pack reaches for nothing outside it: DJL is forced offline, and every Java HTTP connection
 * attempt (which consults the default ProxySelector first) would be recorded here.
 */
class OfflineLoadTest {

    @Test
    void packLoadsAndEncodesWithoutAnyConnectionAttempt(@TempDir Path cache) {
        List<URI> attempts = new CopyOnWriteArrayList<>();
        ProxySelector original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                attempts.add(uri);
            }
        });
        try (ModelRuntime runtime = ModelRuntime.load(TestPacks.synthetic(),
                new RuntimeOptions("cpu", 1, 4, cache))) {
            assertThat(runtime.texts().encode(List.of("make it red"))).hasSize(1);
            assertThat(runtime.images().encode(SyntheticPackTest.tiles(2))).hasSize(2);
        } finally {
            ProxySelector.setDefault(original);
        }
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(attempts).isEmpty();
    }
}
