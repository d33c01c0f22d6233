package io.cirstream.query.search;

import io.cirstream.contract.index.DocumentId;
import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.model.composition.Vec;
import io.cirstream.model.composition.WeiCom;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a composed search: encode (see {@link QueryEncoder}), k-NN on the gallery alias with the filters
 * inside the k-NN clause, reference exclusion, optional explanations. WeiCom instead searches twice (with
 * i and with t), takes the union of both lists as its candidate set and fuses exactly over it.
 */
public final class SearchEngine {

    private final QueryEncoder encoder;
    private final GalleryStore store;
    private final Timer knnTimer;
    private final int weicomCandidates;

    /** @param weicomCandidates size of each of WeiCom's two k-NN lists (at least k is always used) */
    public SearchEngine(QueryEncoder encoder, GalleryStore store, Timer knnTimer, int weicomCandidates) {
        this.encoder = encoder;
        this.store = store;
        this.knnTimer = knnTimer;
        this.weicomCandidates = weicomCandidates;
    }

    public Future<SearchResult> search(SearchRequest request) {
        long start = System.nanoTime();
        return encoder.encode(request).compose(encoded -> {
            long knnStart = System.nanoTime();
            int images = request.k() + (excludedId(request).isPresent() ? 1 : 0);
            int wanted = request.groupByProduct() ? ProductGroups.candidates(images) : images;
            Future<List<SearchResult.Item>> ranked = request.method().fusesLate()
                    ? weicom(request, encoded, wanted) : single(request, encoded, wanted);
            return ranked.map(items -> {
                long end = System.nanoTime();
                knnTimer.record(end - knnStart, TimeUnit.NANOSECONDS);
                List<SearchResult.Item> others = items.stream()
                        .filter(item -> excludedId(request).map(ref -> !isReference(ref, item)).orElse(true)).toList();
                List<SearchResult.Item> kept = (request.groupByProduct() ? ProductGroups.bestPerProduct(others) : others)
                        .stream().limit(request.k()).toList();
                return new SearchResult(kept, new SearchResult.Timings(millis(encoded.encodeNanos()),
                        millis(end - knnStart), millis(end - start)), request.method());
            });
        });
    }

    private Future<List<SearchResult.Item>> single(SearchRequest request, EncodedQuery encoded, int wanted) {
        return store.knn(new KnnQuery(encoded.query(), wanted, request.filters(), request.explain()))
                .map(hits -> hits.stream().map(hit -> new SearchResult.Item(hit.id(), hit.similarity(),
                        hit.metadata(), request.explain() ? explain(hit.vector(), encoded) : null)).toList());
    }

    private Future<List<SearchResult.Item>> weicom(SearchRequest request, EncodedQuery encoded, int wanted) {
        int perList = Math.max(wanted, weicomCandidates);
        Future<List<GalleryHit>> byImage = store.knn(new KnnQuery(encoded.image(), perList, request.filters(), true));
        Future<List<GalleryHit>> byText = store.knn(new KnnQuery(encoded.text(), perList, request.filters(), true));
        return Future.all(byImage, byText).map(both -> {
            Map<String, GalleryHit> union = new LinkedHashMap<>();
            byImage.result().forEach(hit -> union.putIfAbsent(document(hit), hit));
            byText.result().forEach(hit -> union.putIfAbsent(document(hit), hit));
            List<WeiCom.Candidate> candidates = new ArrayList<>(union.size());
            union.values().forEach(hit -> candidates.add(new WeiCom.Candidate(document(hit),
                    Vec.cosine(hit.vector(), encoded.image()), Vec.cosine(hit.vector(), encoded.text()))));
            return WeiCom.rank(candidates, request.params().lambda()).stream().limit(wanted).map(fused -> {
                GalleryHit hit = union.get(fused.candidate().id());
                return new SearchResult.Item(hit.id(), fused.score(), hit.metadata(), request.explain()
                        ? new SearchResult.Explain(fused.candidate().imageSimilarity(), fused.candidate().textSimilarity())
                        : null);
            }).toList();
        });
    }

    private static SearchResult.Explain explain(float[] vector, EncodedQuery encoded) {
        return new SearchResult.Explain(encoded.image() == null ? null : Vec.cosine(vector, encoded.image()),
                encoded.text() == null ? null : Vec.cosine(vector, encoded.text()));
    }

    /** A hit's document: its image id within its collection (the same id may be in several collections). */
    private static String document(GalleryHit hit) {
        return DocumentId.scoped(hit.metadata().path(GalleryIndex.COLLECTION).asText(), hit.id());
    }

    private static Optional<Reference.ById> excludedId(SearchRequest request) {
        if (!request.excludeReference()) {
            return Optional.empty();
        }
        return request.reference().filter(Reference.ById.class::isInstance).map(Reference.ById.class::cast);
    }

    /** The same image id in another named collection is another image (CIRCO val and test share COCO ids). */
    private static boolean isReference(Reference.ById reference, SearchResult.Item item) {
        return reference.id().equals(item.id()) && (reference.collection() == null || reference.collection()
                .equals(item.metadata().path(GalleryIndex.COLLECTION).asText(reference.collection())));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
