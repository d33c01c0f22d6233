"""Independent check of cirstream's generated ONNX packs, for a machine with Python onnx/onnxruntime.

1. onnx.checker (full check, with shape inference) on every ONNX file of each pack;
2. the synthetic pack re-run with Python ONNX Runtime on the pixels our Java runtime preprocessed,
   and with the `tokenizers` library on pack's tokenizer.json: outputs must match the Java outputs;
3. raw throughput of the vit-b32-shaped pack (images/s, texts/s) at batch 1, 8, 32, 64 on every
   execution provider available (CUDA when the onnxruntime build has it, else CPU).
Usage: python3 crosscheck.py SYNTHETIC_PACK REFERENCE_JSON VIT_PACK OUT_JSON
"""
import json, os, sys, time
import numpy as np
import onnx
import onnxruntime as ort
from tokenizers import Tokenizer


def check_models(pack):
    for name in sorted(os.listdir(pack)):
        if name.endswith(".onnx"):
            onnx.checker.check_model(os.path.join(pack, name), full_check=True)
            print(f"onnx.checker ok: {pack}/{name}")


def l2(x):
    # Like the Java runtime: a zero vector (e.g. a text with no known words) stays zero instead of NaN.
    norm = np.linalg.norm(x, axis=-1, keepdims=True)
    return np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)


def frame(tokenizer, text, tok_spec):
    ids = tokenizer.encode(text, add_special_tokens=False).ids[: tok_spec["contextLength"] - 2]
    row = [tok_spec["bosId"]] + ids + [tok_spec["eosId"]]
    return row + [tok_spec["padId"]] * (tok_spec["contextLength"] - len(row))


def compare_synthetic(pack, reference):
    manifest = json.load(open(os.path.join(pack, "manifest.json")))
    ref = json.load(open(reference))
    size = manifest["image"]["preprocessing"]["size"]
    image = ort.InferenceSession(os.path.join(pack, manifest["image"]["model"]), providers=["CPUExecutionProvider"])
    pixels = np.array(ref["pixels"], dtype=np.float32).reshape(-1, 3, size, size)
    img = l2(image.run([manifest["image"]["output"]], {manifest["image"]["input"]: pixels})[0])
    d_img = float(np.abs(img - np.array(ref["image_embeds"])).max())

    tok_spec = manifest["text"]["tokenizer"]
    tokenizer = Tokenizer.from_file(os.path.join(pack, tok_spec["file"]))
    ids = np.array([frame(tokenizer, t, tok_spec) for t in ref["texts"]], dtype=np.int64)
    text = ort.InferenceSession(os.path.join(pack, manifest["text"]["model"]), providers=["CPUExecutionProvider"])
    feeds = {manifest["text"]["inputIds"]: ids}
    if manifest["text"].get("attentionMask"):
        feeds[manifest["text"]["attentionMask"]] = (ids != tok_spec["padId"]).astype(np.int64)
    txt = l2(text.run([manifest["text"]["output"]], feeds)[0])
    d_txt = float(np.abs(txt - np.array(ref["text_embeds"])).max())
    result = {"max_abs_diff_image": d_img, "max_abs_diff_text": d_txt}
    if manifest.get("combiner") and ref["combined"]:
        c = manifest["combiner"]
        comb = ort.InferenceSession(os.path.join(pack, c["model"]), providers=["CPUExecutionProvider"])
        out = l2(comb.run([c["output"]], {c["imageInput"]: np.array(ref["image_embeds"][:5], dtype=np.float32),
                                          c["textInput"]: np.array(ref["text_embeds"], dtype=np.float32)})[0])
        result["max_abs_diff_combiner"] = float(np.abs(out - np.array(ref["combined"])).max())
    print("synthetic pack, Python ORT vs Java runtime:", result)
    return result


def throughput(pack, provider, batches, seconds=3.0):
    manifest = json.load(open(os.path.join(pack, "manifest.json")))
    opts = ort.SessionOptions()
    image = ort.InferenceSession(os.path.join(pack, manifest["image"]["model"]), opts, providers=[provider])
    text = ort.InferenceSession(os.path.join(pack, manifest["text"]["model"]), opts, providers=[provider])
    size = manifest["image"]["preprocessing"]["size"]
    ctx = manifest["text"]["tokenizer"]["contextLength"]
    rng = np.random.default_rng(0)
    rows = []
    for b in batches:
        px = rng.standard_normal((b, 3, size, size), dtype=np.float32)
        ids = rng.integers(3, 1000, size=(b, ctx), dtype=np.int64)
        feeds = {manifest["text"]["inputIds"]: ids}
        if manifest["text"].get("attentionMask"):
            feeds[manifest["text"]["attentionMask"]] = np.ones_like(ids)
        row = {"provider": provider, "batch": b}
        for name, run in (("images_per_s", lambda: image.run(None, {manifest["image"]["input"]: px})),
                          ("texts_per_s", lambda: text.run(None, feeds))):
            for _ in range(3):
                run()
            n, start = 0, time.perf_counter()
            while time.perf_counter() - start < seconds:
                run()
                n += 1
            row[name] = round(n * b / (time.perf_counter() - start), 1)
        print(row, flush=True)
        rows.append(row)
    return rows


def main():
    synthetic, reference, vit, out = sys.argv[1:5]
    result = {"onnxruntime": ort.__version__, "onnx": onnx.__version__, "providers": ort.get_available_providers()}
    print(result, flush=True)
    check_models(synthetic)
    check_models(vit)
    result["synthetic"] = compare_synthetic(synthetic, reference)
    rows = []
    for provider in ("CUDAExecutionProvider", "CPUExecutionProvider"):
        if provider in result["providers"]:
            rows += throughput(vit, provider, [1, 8, 32, 64])
    result["vit_b32_shaped_throughput"] = rows
    json.dump(result, open(out, "w"), indent=2)


if __name__ == "__main__":
    main()
