package io.cirstream.cli.demo;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

/** What the demo started, closed once, newest first, whether it ends normally, fails or gets Ctrl-C. */
final class Resources implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final PrintStream err;

    Resources(PrintStream err) {
        this.err = err;
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            AutoCloseable resource = opened.pop();
            try {
                resource.close();
            } catch (Exception e) {
                err.println("demo: closing " + resource + " failed: " + e);
            }
        }
    }
}
