package io.cirstream.opensearch;

import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.OpenSearchConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * The TLS context for OpenSearch nodes: the JVM's default trust, or, when a CA PEM and/or a truststore is configured,
 * only the CAs they hold, so that a certificate signed by any other authority (a public one included) is refused.
 */
final class TrustMaterial {

    private TrustMaterial() {
    }

    static SSLContext sslContext(OpenSearchConfig.Tls tls) {
        try {
            if (!tls.customTrust()) {
                return SSLContext.getDefault();
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            if (tls.caPem().isPresent()) {
                addPem(anchors, tls.caPem().get());
            }
            if (tls.truststore().isPresent()) {
                addTruststore(anchors, tls);
            }
            if (anchors.size() == 0) {
                throw new ConfigException("opensearch.tls: the configured CA PEM / truststore holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException("opensearch.tls: cannot load the trusted CAs (" + tls + "): " + e.getMessage());
        }
    }

    private static void addPem(KeyStore anchors, Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.setCertificateEntry("ca-pem-" + n++, certificate);
            }
            if (n == 0) {
                throw new ConfigException("opensearch.tls.ca-pem: no certificate in " + pem);
            }
        }
    }

    private static void addTruststore(KeyStore anchors, OpenSearchConfig.Tls tls)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(tls.truststoreType());
        try (InputStream in = Files.newInputStream(tls.truststore().get())) {
            store.load(in, tls.truststorePassword().toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                anchors.setCertificateEntry("truststore-" + alias, certificate);
            }
        }
    }
}
