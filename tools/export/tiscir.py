"""TisCIR (IJCAI 2025, remote sensing, PatternCIR) -> a cirstream pack of format 2, served by the API method
`composer` with `"composer": "tiscir"`.

NOT YET RUN against the real weights (none can be downloaded here): names and shapes follow the pack format and are
checked by ExportRecipesTest; the module paths inside the TisCIR repository are assumptions to verify.

Checkpoints: the three MSMP projections (train_out/checkpoints_MSMP_{1,2,3}/) and the FGIA checkpoint
(train_out/checkpoints_FGIA/, the `--resume` of test.py), CLIP ViT-L/14. Mapping to the pack:
  image tower   CLIP ViT-L/14 -> image_embeds [b, 768] (the gallery side is plain CLIP), patch tokens -> patch_embeds
  composer      one graph: LinCIR-style pseudo-tokens of the reference in the prompt, the text refined by the three
                MSMP self-masking projections, the reference refined by FGIA over its patch features, both combined
                -> query_embeds [b, 768]. Inputs: referenceEmbedding, referencePatches, textIds.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

MANIFEST = c.clip_manifest("tiscir-vit-l14", 768, patch_output="patch_embeds")
MANIFEST["composers"] = {"tiscir": {
    "model": "tiscir.onnx",
    "inputs": {"referenceEmbedding": "image_embeds", "referencePatches": "patch_embeds", "textIds": "input_ids"},
    "output": "query_embeds"}}
INPUT_SHAPES = {"referenceEmbedding": [1, 768], "referencePatches": [1, 256, 1024], "textIds": [1, c.CONTEXT]}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--msmp", nargs=3, required=True, help="the three MSMP checkpoints, position 1 2 3")
    p.add_argument("--fgia", required=True, help="the FGIA checkpoint")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    import torch
    import open_clip
    os.makedirs(args.out, exist_ok=True)
    clip, _, _ = open_clip.create_model_and_transforms("ViT-L-14", pretrained="openai")
    c.clip_towers(clip, args.out, 224, patch_output="patch_embeds")
    from models import TisCIR  # TisCIR repo; the class that test.py builds from --resume (to verify)
    model = TisCIR.from_checkpoints(clip, msmp=args.msmp, fgia=args.fgia)

    class Composer(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, image_embeds, patch_embeds, input_ids):
            q = self.m.compose(image_embeds, patch_embeds, input_ids)
            return q / q.norm(dim=-1, keepdim=True)

    spec = MANIFEST["composers"]["tiscir"]
    c.export(Composer(model), [c.dummy(INPUT_SHAPES[k], ids=k == "textIds") for k in spec["inputs"]],
             spec["inputs"].values(), [spec["output"]], os.path.join(args.out, spec["model"]))
    c.write_manifest(args.out, MANIFEST)


if __name__ == "__main__":
    main()
