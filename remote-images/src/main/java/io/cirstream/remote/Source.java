package io.cirstream.remote;

import java.net.URI;

/** One way of reaching images (plain HTTP, S3). {@link RemoteImages} applies the allow-list and permits around it. */
interface Source extends AutoCloseable {

    /** The server {@link #fetch} would contact, worked out without touching the network. */
    Endpoint endpoint(URI uri) throws FetchException;

    /** Fetches the whole object within the time and byte limits; called only for allowed endpoints. */
    byte[] fetch(URI uri) throws FetchException;

    @Override
    void close();
}
