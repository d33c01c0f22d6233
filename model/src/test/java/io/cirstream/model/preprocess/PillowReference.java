package io.cirstream.model.preprocess;

import io.cirstream.contract.pack.PackManifest.Preprocessing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code golden/pillow_reference.py} (Pillow + numpy) on the golden fixture images and reads back what it
 * wrote: the independent reference the Java decoder and preprocessor are compared with.
 * <p>
 * Debian's {@code python3-pil} and {@code python3-numpy} install into {@code /usr/bin/python3}'s dist-packages, and
 * the {@code ./cirstream test} prepare step installs them there; a pyenv or venv {@code python3} earlier on PATH
 * usually lacks them, so {@code /usr/bin/python3} is preferred ({@code -Dcirstream.python=PATH} picks another). A missing interpreter or module is a failure with
 * the package names, never a skip: the golden check must run wherever the suite runs.
 */
final class PillowReference {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden").toAbsolutePath();
    static final Path IMAGES = GOLDEN.resolve("images");
    private static final long TIMEOUT_SECONDS = 120;
    private static final String PACKAGES = "Debian packages python3-pil and python3-numpy (`./cirstream test` installs them;"
            + " by hand: apt-get install python3-pil python3-numpy)";

    private PillowReference() {
    }

    /** Decoded upright pixels as Pillow's {@code convert("RGB")} gives them: packed 0xRRGGBB, row by row. */
    record Decoded(int width, int height, int[] rgb) {
    }

    /** Runs the script for {@code specs} (by name) into {@code out}. */
    static void run(Path out, Map<String, Preprocessing> specs) throws IOException, InterruptedException {
        String python = python();
        check(python, List.of(python, "-c", "import PIL, numpy"), out.resolve("import.log"),
                python + " cannot import PIL and numpy; the golden preprocessing check needs the " + PACKAGES);
        List<String> command = new ArrayList<>(List.of(python, GOLDEN.resolve("pillow_reference.py").toString(),
                out.toString(), IMAGES.toString()));
        specs.forEach((name, spec) -> command.add(name + ":" + spec.size() + ":" + spec.channels() + ":"
                + joined(spec.mean()) + ":" + joined(spec.std())));
        check(python, command, out.resolve("reference.log"), "pillow_reference.py failed");
    }

    /** The fixture images, sorted by name (the order the script processes them in). */
    static List<Path> fixtures() throws IOException {
        try (var files = Files.list(IMAGES)) {
            return files.filter(p -> p.toString().matches(".*\\.(png|jpg)$")).sorted().toList();
        }
    }

    static Decoded decoded(Path out, Path fixture) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(out.resolve(fixture.getFileName() + ".rgb")))
                .order(ByteOrder.LITTLE_ENDIAN);
        int w = bytes.getInt();
        int h = bytes.getInt();
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (bytes.get() & 0xFF) << 16 | (bytes.get() & 0xFF) << 8 | (bytes.get() & 0xFF);
        }
        return new Decoded(w, h, rgb);
    }

    static float[] tensor(Path out, Path fixture, String spec) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(out.resolve(fixture.getFileName() + "@" + spec + ".f32")))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static String python() {
        String chosen = System.getProperty("cirstream.python");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        Path debian = Path.of("/usr/bin/python3");
        if (Files.isExecutable(debian)) {
            return debian.toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "python3");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("no python3 found (/usr/bin/python3 or on PATH); the golden preprocessing check needs"
                + " python3 with the " + PACKAGES);
    }

    /** Runs {@code command} with its output in {@code log}, bounded by {@link #TIMEOUT_SECONDS}; fails on non-zero exit. */
    private static void check(String python, List<String> command, Path log, String failure)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(failure + " (" + python + ", exit " + process.exitValue() + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static String joined(List<Float> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
