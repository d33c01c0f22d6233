# TLS material and SCRAM settings for the local broker's SASL_SSL listener. Sourced by infra.sh.
# A private CA (made once with the JDK's keytool) signs the broker's certificate for 127.0.0.1 / localhost; clients
# trust that CA only. The listener authenticates with SCRAM-SHA-512; users are created through the Admin API
# (the plain-text listener stays for local work), e.g. by the secured-Kafka integration tests.

KAFKA_TLS_DIR="$KAFKA_STATE/tls"
KAFKA_CLIENT_PROPERTIES="$KAFKA_STATE/client-sasl-ssl.properties"

kafka_tls_material() {
  [ -f "$KAFKA_TLS_DIR/broker.p12" ] && [ -f "$KAFKA_TLS_DIR/truststore.p12" ] && return 0
  local keytool="$JDK/bin/keytool" dir="$KAFKA_TLS_DIR.tmp" pw
  rm -rf "$dir" && mkdir -p "$dir" && chmod 700 "$dir"
  pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  local kt=(-storetype PKCS12 -storepass "$pw" -keypass "$pw" -noprompt)
  {
    "$keytool" -genkeypair "${kt[@]}" -keystore "$dir/ca.p12" -alias ca -dname "CN=cirstream local CA" \
      -keyalg EC -groupname secp256r1 -validity 3650 -ext bc:c &&
    "$keytool" -exportcert "${kt[@]}" -keystore "$dir/ca.p12" -alias ca -rfc -file "$dir/ca.pem" &&
    "$keytool" -genkeypair "${kt[@]}" -keystore "$dir/broker.p12" -alias broker -dname "CN=localhost" \
      -keyalg EC -groupname secp256r1 -validity 3650 &&
    "$keytool" -certreq "${kt[@]}" -keystore "$dir/broker.p12" -alias broker -file "$dir/broker.csr" &&
    "$keytool" -gencert "${kt[@]}" -keystore "$dir/ca.p12" -alias ca -infile "$dir/broker.csr" \
      -outfile "$dir/broker.pem" -rfc -validity 3650 -ext san=ip:127.0.0.1,dns:localhost &&
    "$keytool" -importcert "${kt[@]}" -keystore "$dir/broker.p12" -alias ca -file "$dir/ca.pem" &&
    "$keytool" -importcert "${kt[@]}" -keystore "$dir/broker.p12" -alias broker -file "$dir/broker.pem" &&
    "$keytool" -importcert "${kt[@]}" -keystore "$dir/truststore.p12" -alias ca -file "$dir/ca.pem"
  } > "$dir/keytool.log" 2>&1 || { cat "$dir/keytool.log" >&2; die "kafka: making the TLS certificates with keytool failed"; }
  printf '%s' "$pw" > "$dir/password" && chmod 600 "$dir/password"
  rm -f "$dir/broker.csr" && rm -rf "$KAFKA_TLS_DIR" && mv "$dir" "$KAFKA_TLS_DIR"
}

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
