"""SSN (AAAI 2024, "Decomposing Semantic Shifts") -> a cirstream pack of format 2, served by the API method
`composer` with `"composer": "ssn"`.

NOT YET RUN against the real weights (none can be downloaded here): names and shapes follow the pack format and are
checked by ExportRecipesTest; the module paths inside the SSN repository are assumptions to verify.

Checkpoint: a model saved by train_cirr.py / train_fiq.py with --save_best (the README names no public release;
train one), CLIP ViT-B/32, projection_dim 512. Mapping to the pack:
  image tower   NOT plain CLIP: SSN passes gallery images through its fusion layer with their patch tokens, so
                image.onnx is CLIP ViT-B/32 + that gallery-side layer -> image_embeds [b, 512]
  composer      reference pixels (the graph runs CLIP's vision CLS + patch tokens itself) and the text token states
                of the modification (ids + mask) through the degradation and upgradation steps -> query_embeds [b, 512]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

MANIFEST = c.clip_manifest("ssn-vit-b32", 512)
MANIFEST["composers"] = {"ssn": {
    "model": "ssn.onnx",
    "inputs": {"referencePixels": "pixel_values", "textIds": "input_ids", "textMask": "attention_mask"},
    "output": "query_embeds"}}
INPUT_SHAPES = {"referencePixels": [1, 3, 224, 224], "textIds": [1, c.CONTEXT], "textMask": [1, c.CONTEXT]}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True, help="the saved best SSN model")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    import torch
    os.makedirs(args.out, exist_ok=True)
    from model.ssn import SSN  # SSN repo (--model ssn); to verify
    model = SSN.load(args.checkpoint, map_location="cpu").eval()

    class Gallery(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, pixel_values):
            return self.m.encode_target(pixel_values)

    class Composer(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, pixel_values, input_ids, attention_mask):
            q = self.m.compose(pixel_values, input_ids, attention_mask)
            return q / q.norm(dim=-1, keepdim=True)

    c.export(Gallery(model), [c.dummy(INPUT_SHAPES["referencePixels"])], ["pixel_values"], ["image_embeds"],
             os.path.join(args.out, "image.onnx"))
    c.export(model.clip_text(), [c.dummy((1, c.CONTEXT), ids=True)], ["input_ids"], ["text_embeds"],
             os.path.join(args.out, "text.onnx"))
    spec = MANIFEST["composers"]["ssn"]
    c.export(Composer(model), [c.dummy(INPUT_SHAPES[k], ids=k != "referencePixels") for k in spec["inputs"]],
             spec["inputs"].values(), [spec["output"]], os.path.join(args.out, spec["model"]))
    from transformers import CLIPTokenizerFast
    CLIPTokenizerFast.from_pretrained("openai/clip-vit-base-patch32").backend_tokenizer.save(
        os.path.join(args.out, "tokenizer.json"))
    c.write_manifest(args.out, MANIFEST)


if __name__ == "__main__":
    main()
