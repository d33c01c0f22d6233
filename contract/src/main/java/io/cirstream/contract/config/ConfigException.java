package io.cirstream.contract.config;

/** A configuration value is missing or invalid; the message names the key, its environment variable and the fix. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
