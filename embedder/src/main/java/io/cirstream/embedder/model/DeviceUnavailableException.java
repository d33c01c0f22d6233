package io.cirstream.embedder.model;

/** The requested accelerator (e.g. {@code cuda:0}) cannot be started by ONNX Runtime. */
public class DeviceUnavailableException extends RuntimeException {

    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
