package io.cirstream.testkit;

import io.cirstream.infra.LocalInfrastructure;

/** Held in JUnit's root store, so the infrastructure is released once, at the end of the run. */
record InfraLease(LocalInfrastructure infrastructure) implements AutoCloseable {
    @Override
    public void close() {
        infrastructure.close();
    }
}
