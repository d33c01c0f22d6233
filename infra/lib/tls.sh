# A private CA and one server certificate for 127.0.0.1 / localhost, made once with the JDK's keytool. Used by the
# broker's SASL_SSL listener (kafka-tls.sh) and the secured OpenSearch front (opensearch-secure.sh). Sourced.

# $1 dir, $2 server key alias (file $2.p12), $3 what, for errors. Writes ca.p12, ca.pem, $2.p12 (key + chain),
# $2.pem, truststore.p12 (the CA only) and password (of every store), unless they are there already.
tls_material() {
  local out="$1" name="$2" what="$3"
  [ -f "$out/$name.p12" ] && [ -f "$out/truststore.p12" ] && return 0
  local keytool="$JDK/bin/keytool" dir="$out.tmp" pw
  rm -rf "$dir" && mkdir -p "$dir" && chmod 700 "$dir"
  pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  local kt=(-storetype PKCS12 -storepass "$pw" -keypass "$pw" -noprompt)
  {
    "$keytool" -genkeypair "${kt[@]}" -keystore "$dir/ca.p12" -alias ca -dname "CN=cirstream local CA" \
      -keyalg EC -groupname secp256r1 -validity 3650 -ext bc:c &&
    "$keytool" -exportcert "${kt[@]}" -keystore "$dir/ca.p12" -alias ca -rfc -file "$dir/ca.pem" &&
    "$keytool" -genkeypair "${kt[@]}" -keystore "$dir/$name.p12" -alias "$name" -dname "CN=localhost" \
      -keyalg EC -groupname secp256r1 -validity 3650 &&
    "$keytool" -certreq "${kt[@]}" -keystore "$dir/$name.p12" -alias "$name" -file "$dir/$name.csr" &&
    "$keytool" -gencert "${kt[@]}" -keystore "$dir/ca.p12" -alias ca -infile "$dir/$name.csr" \
      -outfile "$dir/$name.pem" -rfc -validity 3650 -ext san=ip:127.0.0.1,dns:localhost &&
    "$keytool" -importcert "${kt[@]}" -keystore "$dir/$name.p12" -alias ca -file "$dir/ca.pem" &&
    "$keytool" -importcert "${kt[@]}" -keystore "$dir/$name.p12" -alias "$name" -file "$dir/$name.pem" &&
    "$keytool" -importcert "${kt[@]}" -keystore "$dir/truststore.p12" -alias ca -file "$dir/ca.pem"
  } > "$dir/keytool.log" 2>&1 || { cat "$dir/keytool.log" >&2; die "$what: making the TLS certificates with keytool failed"; }
  printf '%s' "$pw" > "$dir/password" && chmod 600 "$dir/password"
  rm -f "$dir/$name.csr" && rm -rf "$out" && mv "$dir" "$out"
}
