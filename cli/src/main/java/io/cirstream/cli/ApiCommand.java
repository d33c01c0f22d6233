package io.cirstream.cli;

import io.cirstream.contract.config.Settings;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code cirstream api}: the query API and web page, until Ctrl-C. */
@Command(name = "api", description = "Run the query API and web page (http://localhost:8080 by default) until Ctrl-C.")
final class ApiCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = config.load();
        settings.validate(QueryApiConfig.KEYS);
        System.err.print(settings.describe("query-api", QueryApiConfig.KEYS));
        QueryApiServer server = QueryApiServer.start(QueryApiConfig.from(settings));
        ServiceLifetime.runUntilStopped(server);
        return 0;
    }
}
