package io.cirstream.model.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.cirstream.contract.pack.ModelPackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens ONNX Runtime sessions for one pack with the options' device and threads. With {@code auto} the
 * first session decides: CUDA if its execution provider starts, otherwise CPU for every session.
 */
public final class SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    private final Path packDir;
    private final RuntimeOptions options;
    private final String requested;
    private Device device;

    public SessionFactory(Path packDir, RuntimeOptions options) {
        this.packDir = packDir;
        this.options = options;
        this.requested = options.device().trim().toLowerCase();
        this.device = Device.parse(requested);
    }

    /** The device sessions run on, e.g. {@code cpu} or {@code cuda:0}. */
    public synchronized String device() {
        return device.toString();
    }

    public synchronized OnnxModel open(String file) {
        Path model = packDir.resolve(file);
        if (!Files.isRegularFile(model)) {
            throw new ModelPackException("model file " + model + " does not exist");
        }
        OrtSession session;
        try {
            session = create(model);
        } catch (OrtException e) {
            throw new ModelPackException("ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
        }
        try {
            return new OnnxModel(file, session);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, e);
            throw new ModelPackException("ONNX Runtime cannot describe the inputs and outputs of " + model + ": "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession session, Exception failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }

    private OrtSession create(Path model) throws OrtException {
        OrtEnvironment env = OrtEnvironments.get();
        try (OrtSession.SessionOptions session = baseOptions()) {
            if (device.cuda()) {
                try {
                    session.addCUDA(device.index());
                } catch (OrtException | RuntimeException | LinkageError e) {
                    if (!"auto".equals(requested)) {
                        throw new DeviceUnavailableException("device '" + requested + "' requested but the ONNX Runtime "
                                + "CUDA execution provider cannot start (build with -Pgpu on a host with CUDA 12 and cuDNN 9): "
                                + e.getMessage(), e);
                    }
                    LOG.info("device auto: CUDA unavailable ({}), running on CPU", e.getMessage());
                    device = Device.CPU;
                    return create(model);
                }
            }
            return env.createSession(model.toString(), session);
        }
    }

    private OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions session = new OrtSession.SessionOptions();
        session.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (options.threads() > 0) {
            session.setIntraOpNumThreads(options.threads());
        }
        session.setInterOpNumThreads(1);
        // Spinning threads burn CPU between batches for no measured gain on these small hosts.
        session.addConfigEntry("session.intra_op.allow_spinning", "0");
        return session;
    }

    private record Device(boolean cuda, int index) {

        static final Device CPU = new Device(false, 0);

        static Device parse(String device) {
            if (device.equals("cpu")) {
                return CPU;
            }
            if (device.equals("cuda") || device.equals("auto")) {
                return new Device(true, 0);
            }
            if (device.matches("cuda:\\d+")) {
                return new Device(true, Integer.parseInt(device.substring(5)));
            }
            throw new IllegalArgumentException("device must be cpu, cuda, cuda:N or auto, was '" + device + "'");
        }

        @Override
        public String toString() {
            return cuda ? "cuda:" + index : "cpu";
        }
    }
}
