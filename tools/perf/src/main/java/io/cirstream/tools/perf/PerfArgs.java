package io.cirstream.tools.perf;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of the benchmark command line. */
final class PerfArgs {

    private PerfArgs() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
