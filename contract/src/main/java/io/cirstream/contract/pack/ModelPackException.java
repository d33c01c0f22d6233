package io.cirstream.contract.pack;

/** A model pack is missing a file, or its manifest disagrees with itself or with its ONNX files. */
public class ModelPackException extends RuntimeException {
    private static final long serialVersionUID = 1L;


    public ModelPackException(String message) {
        super(message);
    }

    public ModelPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
