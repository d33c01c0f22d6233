package io.cirstream.testkit;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local broker's SASL_SSL listener (infra/lib/kafka-tls.sh): SCRAM-SHA-512 over TLS with a certificate from a
 * private CA, as a managed Kafka looks to a client. Users are created through the plain-text listener's Admin API.
 */
public final class SecuredKafka {
    private SecuredKafka() {
    }

    public static int saslPort() {
        return Integer.parseInt(System.getenv().getOrDefault("CIRSTREAM_KAFKA_SASL_PORT", "9094"));
    }

    /** The client settings infra.sh wrote for the listener (protocol, mechanism, CA truststore), without a user. */
    public static Map<String, String> clientSettings() {
        Path file = stateDir().resolve("kafka/client-sasl-ssl.properties");
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (written by 'infra/infra.sh up kafka')", e);
        }
        Map<String, String> out = new HashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }

    /** Client settings for {@code user} with {@code password}, ready to be used as {@code kafka.client.*}. */
    public static Map<String, String> clientSettings(String user, String password) {
        Map<String, String> out = clientSettings();
        out.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return out;
    }

    public static KafkaConfig config(String user, String password, int partitions) {
        return new KafkaConfig("127.0.0.1:" + saslPort(), partitions, (short) 1, clientSettings(user, password));
    }

    /** Creates (or resets) a SCRAM-SHA-512 user through the plain-text listener. */
    public static void createUser(String user, String password) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalInfra.kafkaBootstrap()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the SCRAM user " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same rule as infra/lib/common.sh: $CIRSTREAM_STATE_DIR, else a system path for root, else XDG state. */
    static Path stateDir() {
        String configured = System.getenv("CIRSTREAM_STATE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/cirstream");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local/state"))
                .resolve("cirstream");
    }
}
