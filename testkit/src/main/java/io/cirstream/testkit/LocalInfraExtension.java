package io.cirstream.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Brings the local infrastructure up before the first integration test class of a run. */
public final class LocalInfraExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalInfra.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store lives for the whole JUnit run, so its resource closes exactly once, at the end.
        context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("infra", key -> LocalInfra.ensureUp(), InfraLease.class);
    }
}
