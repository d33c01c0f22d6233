package io.cirstream.core.config;

/** A configuration value is missing or invalid; the message names the key, its environment variable and the fix. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
