"""SPN4CIR (ACM MM 2024, the "+SPN" plug-in) -> cirstream packs of format 2, served by the API method `composer`:
`"composer": "clip4cir_spn"` (CLIP4CIR+SPN) or, with --variant sprc, `"composer": "sprc_spn"` (SPRC+SPN, BLIP-2).

NOT YET RUN against the real weights (none can be downloaded here): names and shapes follow the pack format and are
checked by ExportRecipesTest; the module paths inside the SPN4CIR repository are assumptions to verify.

Checkpoints: https://huggingface.co/BUAADreamer/SPN4CIR, second stage under checkpoints/{cirr,fiq}_clip (CLIP4CIR+SPN),
checkpoints/{cirr,fiq}_blip2 (SPRC+SPN); BLIP4CIR+SPN (checkpoints/*_blip) follows the SPRC shape with BLIP's towers.
Mapping to the pack:
  clip      image/text tower = the fine-tuned CLIP of the checkpoint (its image tower serves the gallery);
            composer clip4cir_spn = CLIP4Cir's Combiner over referenceEmbedding + textEmbedding -> query_embeds
  sprc      image tower = BLIP-2's image side for the gallery (not CLIP); composer sprc_spn = the Q-Former over the
            reference pixels with the modification ids and mask -> query_embeds; text tower = BLIP-2's text side
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

CLIP_DIMENSION = 640  # CLIP4Cir's RN50x4; set to the checkpoint's projection size
MANIFEST = c.clip_manifest("spn4cir-clip4cir", CLIP_DIMENSION, size=288)
MANIFEST["composers"] = {"clip4cir_spn": {
    "model": "combiner.onnx",
    "inputs": {"referenceEmbedding": "image_features", "textEmbedding": "text_features"},
    "output": "query_embeds"}}
INPUT_SHAPES = {"referenceEmbedding": [1, CLIP_DIMENSION], "textEmbedding": [1, CLIP_DIMENSION]}

MANIFEST_SPRC = c.clip_manifest("spn4cir-sprc", 256, size=364)
MANIFEST_SPRC["text"]["tokenizer"] = {"file": "tokenizer.json", "contextLength": 32, "padId": 0, "bosId": 101,
                                      "eosId": 102}  # BLIP-2's BERT tokenizer ([CLS] ... [SEP]), max_txt_len 32
MANIFEST_SPRC["composers"] = {"sprc_spn": {
    "model": "sprc.onnx",
    "inputs": {"referencePixels": "pixel_values", "textIds": "input_ids", "textMask": "attention_mask"},
    "output": "query_embeds"}}
INPUT_SHAPES_SPRC = {"referencePixels": [1, 3, 364, 364], "textIds": [1, 32], "textMask": [1, 32]}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--variant", choices=["clip", "sprc"], default="clip")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    import torch
    os.makedirs(args.out, exist_ok=True)
    state = torch.load(args.checkpoint, map_location="cpu")
    if args.variant == "clip":
        import clip as openai_clip
        from clip4cir.combiner import Combiner  # SPN4CIR repo, clip4cir/; to verify
        model, _ = openai_clip.load("RN50x4", device="cpu", jit=False)
        model.load_state_dict(state["CLIP"])
        combiner = Combiner(CLIP_DIMENSION, CLIP_DIMENSION * 4, CLIP_DIMENSION * 8)
        combiner.load_state_dict(state["Combiner"])

        class Composer(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.combiner = combiner

            def forward(self, image_features, text_features):
                q = self.combiner.combine_features(image_features, text_features)
                return q / q.norm(dim=-1, keepdim=True)

        c.clip_towers(model, args.out, 288, hf_tokenizer="openai/clip-vit-base-patch32")
        spec, shapes, manifest = MANIFEST["composers"]["clip4cir_spn"], INPUT_SHAPES, MANIFEST
    else:
        from blip24cir.sprc import load_sprc  # SPN4CIR repo, blip24cir/; to verify
        model = load_sprc(state)

        class Composer(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.m = model

            def forward(self, pixel_values, input_ids, attention_mask):
                q = self.m.compose(pixel_values, input_ids, attention_mask)
                return q / q.norm(dim=-1, keepdim=True)

        model.export_towers(args.out)  # BLIP-2 gallery image side, text side, tokenizer.json (to write)
        spec, shapes, manifest = MANIFEST_SPRC["composers"]["sprc_spn"], INPUT_SHAPES_SPRC, MANIFEST_SPRC
    c.export(Composer(), [c.dummy(shapes[k], ids=k in ("textIds", "textMask")) for k in spec["inputs"]],
             spec["inputs"].values(), [spec["output"]], os.path.join(args.out, spec["model"]))
    c.write_manifest(args.out, manifest)


if __name__ == "__main__":
    main()
