package io.cirstream.model.onnx;

import ai.onnxruntime.OrtEnvironment;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The process-wide ONNX Runtime environment, created on a thread with a large stack. Measured here:
 * ONNX Runtime 1.29's native initialisation overflows the default 1 MB main-thread stack when the JVM
 * command line is long (a classpath over ~4 KB, as {@code java -cp $(mvn dependency:build-classpath)}
 * gives) and the JVM dies with SIGSEGV and no error file. Surefire's short manifest classpath hides it.
 */
final class OrtEnvironments {

    private static final long INIT_STACK_BYTES = 16L << 20;

    private OrtEnvironments() {
    }

    static OrtEnvironment get() {
        return Holder.ENVIRONMENT;
    }

    /** Lazy, thread-safe initialisation by the class loader. */
    private static final class Holder {
        static final OrtEnvironment ENVIRONMENT = createOnLargeStack();
    }

    private static OrtEnvironment createOnLargeStack() {
        AtomicReference<OrtEnvironment> created = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread init = new Thread(null, () -> {
            try {
                created.set(OrtEnvironment.getEnvironment());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "onnxruntime-init", INIT_STACK_BYTES);
        init.start();
        try {
            init.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting ONNX Runtime", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("ONNX Runtime failed to start: " + failure.get().getMessage(), failure.get());
        }
        return created.get();
    }
}
