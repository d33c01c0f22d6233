package io.cirstream.query.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Drives the system Chromium in headless mode, loopback URLs only. */
final class HeadlessChromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long LIMIT_SECONDS = 120;

    private HeadlessChromium() {
    }

    /** Tests never install software: `./cirstream test` installs Chromium beforehand and says so. */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: the web page tests drive Chromium. Run them through"
                    + " './cirstream test', which installs it (apt-get install chromium), or install it yourself.");
        }
    }

    /** The DOM after the page settled (virtual time lets its fetches finish). */
    static String dumpDom(String url) throws IOException, InterruptedException {
        List<String> command = command();
        command.add("--dump-dom");
        command.add(url);
        return run(command, LIMIT_SECONDS);
    }

    static void screenshot(String url, Path png) throws IOException, InterruptedException {
        List<String> command = command();
        command.add("--screenshot=" + png.toAbsolutePath());
        command.add("--window-size=1280,1600");
        command.add(url);
        run(command, LIMIT_SECONDS);
    }

    private static List<String> command() throws IOException {
        Path profile = Files.createTempDirectory("cirstream-chromium");
        return new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
    }

    private static String run(List<String> command, long limitSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.getFirst() + " did not finish within " + limitSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
