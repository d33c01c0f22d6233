# TLS material and SCRAM settings for the local broker's SASL_SSL listener. Sourced by infra.sh.
# A private CA (made once with the JDK's keytool, lib/tls.sh) signs the broker's certificate for 127.0.0.1 / localhost; clients
# trust that CA only. The listener authenticates with SCRAM-SHA-512; users are created through the Admin API
# (the plain-text listener stays for local work), e.g. by the secured-Kafka integration tests.

KAFKA_TLS_DIR="$KAFKA_STATE/tls"
KAFKA_CLIENT_PROPERTIES="$KAFKA_STATE/client-sasl-ssl.properties"

kafka_tls_material() { tls_material "$KAFKA_TLS_DIR" broker kafka; }

# The client side of the SASL_SSL listener, less the user's credentials (sasl.jaas.config): what a service needs
# as kafka.client.* settings to reach it.
kafka_client_properties() {
  cat > "$KAFKA_CLIENT_PROPERTIES" <<PROPS
# Client settings for the local broker's SASL_SSL listener (127.0.0.1:$KAFKA_SASL_PORT). Add your user's
# sasl.jaas.config, e.g. org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
ssl.truststore.location=$KAFKA_TLS_DIR/truststore.p12
ssl.truststore.type=PKCS12
ssl.truststore.password=$(cat "$KAFKA_TLS_DIR/password")
PROPS
  chmod 600 "$KAFKA_CLIENT_PROPERTIES"
}
