package io.cirstream.remote;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into bytes that stops reading (cancels the subscription) as soon as the next
 * chunk would pass {@code maxBytes}, so never more than the limit is held, whatever the server sends; a
 * declared Content-Length over the limit is refused before any byte is read.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long maxBytes;
    private final long declaredLength;
    private final Object what;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /**
     * A subscriber for one response. {@code declaredLength} is the Content-Length (-1 when absent); {@code what}
     * names the resource in the {@link FetchReason#TOO_LARGE} failure the body completes with past the limit.
     */
    public static HttpResponse.BodySubscriber<byte[]> subscriber(long maxBytes, long declaredLength, Object what) {
        return new BoundedBody(maxBytes, declaredLength, what);
    }

    BoundedBody(long maxBytes, long declaredLength, Object what) {
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
        this.what = what;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredLength > maxBytes) {
            tooLarge("declares " + declaredLength + " bytes");
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (result.isDone()) {
                return;
            }
            if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                tooLarge("sent more than " + maxBytes + " bytes");
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    private void tooLarge(String detail) {
        subscription.cancel();
        result.completeExceptionally(FetchReason.TOO_LARGE.failure(what + " " + detail
                + "; the limit is " + maxBytes + " bytes"));
    }
}
