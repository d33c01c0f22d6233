package io.cirstream.model;

import io.cirstream.contract.pack.ModelPackException;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.cirstream.contract.pack.PackManifest.TokenizerSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A pack's Hugging Face {@code tokenizer.json} (DJL tokenizers, local file only) plus CLIP-style framing:
 * bos + ids + eos, truncated and padded to the context length. Framing is done here rather than by the
 * tokenizer's post-processor so every pack frames the same way, driven by the manifest's ids.
 */
final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerSpec spec;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, TokenizerSpec spec) {
        this.tokenizer = tokenizer;
        this.spec = spec;
    }

    static TextTokenizer load(Path packDir, TokenizerSpec spec) {
        Path file = packDir.resolve(spec.file());
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(false)
                    .optMaxLength(spec.contextLength())
                    .build();
            return new TextTokenizer(tokenizer, spec);
        } catch (IOException | RuntimeException e) {
            throw new ModelPackException("cannot load tokenizer " + file + ": " + e.getMessage(), e);
        }
    }

    int contextLength() {
        return spec.contextLength();
    }

    /** Token ids of {@code text} without any special tokens. */
    long[] ids(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    /** Token ids and attention mask of framed texts, both row-major [texts, contextLength]. */
    record Framed(long[] ids, long[] mask) { }

    /** Frames every text as bos + ids + eos, truncated and padded with padId; the mask is 1 except on padding. */
    Framed frame(List<String> texts) {
        int ctx = spec.contextLength();
        long[] ids = new long[texts.size() * ctx];
        long[] mask = new long[ids.length];
        Arrays.fill(ids, spec.padId());
        for (int t = 0; t < texts.size(); t++) {
            long[] tokens = ids(texts.get(t));
            int n = Math.min(tokens.length, ctx - 2);
            ids[t * ctx] = spec.bosId();
            System.arraycopy(tokens, 0, ids, t * ctx + 1, n);
            ids[t * ctx + 1 + n] = spec.eosId();
            Arrays.fill(mask, t * ctx, t * ctx + n + 2, 1L);
        }
        return new Framed(ids, mask);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
