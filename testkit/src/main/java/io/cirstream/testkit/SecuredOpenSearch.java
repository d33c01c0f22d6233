package io.cirstream.testkit;

import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.infra.LocalInfrastructure;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The secured local OpenSearch ({@code infra.sh up opensearch-secure}): a loopback TLS front with a private CA that
 * demands HTTP basic auth, in front of the plain local OpenSearch, as a managed OpenSearch looks to a client. Started
 * on first use when not running, and stopped when the test JVM exits if this JVM started it.
 */
public final class SecuredOpenSearch {
    private static boolean checked;

    private SecuredOpenSearch() {
    }

    /** Starts the secured front unless it runs; fails when it cannot be started. */
    public static synchronized void ensureRunning() {
        if (checked) {
            return;
        }
        if (LocalInfrastructure.runScript("status", "opensearch-secure") != 0) {
            if (LocalInfrastructure.runScript("up", "opensearch-secure") != 0) {
                throw new IllegalStateException("infra/infra.sh up opensearch-secure failed");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> LocalInfrastructure.runScript("down", "opensearch-secure"), "opensearch-secure-down"));
        }
        checked = true;
    }

    /** What infra.sh wrote: url, username, password, ca.pem, truststore.location/type/password. */
    public static Properties connection() {
        ensureRunning();
        Path file = SecuredKafka.stateDir().resolve("opensearch-secure/connection.properties");
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (written by 'infra/infra.sh up opensearch-secure')", e);
        }
        return props;
    }

    /** cirstream settings for the secured front: its URL, the credentials and its CA (PEM) as the only trust. */
    public static Map<String, String> settings() {
        Properties c = connection();
        return Map.of(OpenSearchConfig.URLS.name(), c.getProperty("url"),
                OpenSearchConfig.USERNAME.name(), c.getProperty("username"),
                OpenSearchConfig.PASSWORD.name(), c.getProperty("password"),
                OpenSearchConfig.TLS_CA_PEM.name(), c.getProperty("ca.pem"));
    }

    public static OpenSearchConfig config(String alias) {
        return OpenSearchConfig.from(Settings.of(settings()).with(Map.of(OpenSearchConfig.INDEX_ALIAS.name(), alias)));
    }
}
