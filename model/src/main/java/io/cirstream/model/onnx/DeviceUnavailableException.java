package io.cirstream.model.onnx;

/** The requested accelerator (e.g. {@code cuda:0}) cannot be started by ONNX Runtime. */
public class DeviceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;


    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
