"""CVSI (ICDM 2025) -> a cirstream pack, served by the API method `cvsi`: the documented fusion of the pseudo-word
query with the user's target description (the request's `description`, written by the user's own LLM step from the
reference's caption; the captioner and the LLM run outside cirstream).

NOT YET RUN against the real weights (none can be downloaded here): names and shapes follow the pack format and are
checked by ExportRecipesTest. The fusion weight is the request's `beta` (default 0.5): the paper's own weighting is
not in the seed README, so tune it on a validation split.

Checkpoints: the mapping networks of the README's Google Drive folder, ./phi_model/phi_best_base_openai.pt
(ViT-B/32), phi_best_large_openai.pt (ViT-L/14), phi_best_giga_openclip.pt (OpenCLIP ViT-bigG-14). This recipe
is written for ViT-L/14 (768). Mapping to the pack:
  image, text tower  CLIP ViT-L/14
  pseudoToken        phi (image_embeds [b, 768] -> token_embeds [b, 768]) and the text tower with the token at "$";
                     the API's `cvsi` method = normalise((1-beta) * pseudo-word query + beta * text(description))
  gallery captions   CVSI also captions gallery images; send them as the events' metadata.caption (stored in the
                     document) for a composer that takes captionIds; this recipe's method does not need them
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

MANIFEST = c.clip_manifest("cvsi-vit-l14", 768)
MANIFEST["pseudoToken"] = {
    "phiModel": "phi.onnx", "phiInput": "image_embeds", "phiOutput": "token_embeds",
    "textModel": "text_pseudo.onnx", "textInputIds": "input_ids", "textTokenEmbedding": "token_embeds",
    "textOutput": "text_embeds", "promptTemplate": "a photo of $ that {text}", "placeholderToken": "$",
    "placeholderId": c.PLACEHOLDER_ID}
INPUT_SHAPES = {"referenceEmbedding": [1, 768]}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--phi", required=True, help="phi_best_large_openai.pt")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    import torch
    import open_clip
    os.makedirs(args.out, exist_ok=True)
    clip, _, _ = open_clip.create_model_and_transforms("ViT-L-14", pretrained="openai")
    c.clip_towers(clip, args.out, 224)
    from phi import Phi  # CVSI repo; the mapping network class main.py loads (to verify)
    phi = Phi(input_dim=768, hidden_dim=3072, output_dim=768, dropout=0.0)
    phi.load_state_dict(torch.load(args.phi, map_location="cpu")[Phi.__name__])
    c.export(phi, [c.dummy((1, 768))], ["image_embeds"], ["token_embeds"], os.path.join(args.out, "phi.onnx"))
    text_pseudo = c.text_with_tokens(clip)
    c.export(text_pseudo, [c.dummy((1, c.CONTEXT), ids=True), c.dummy((1, 768))], ["input_ids", "token_embeds"],
             ["text_embeds"], os.path.join(args.out, "text_pseudo.onnx"))

    c.write_manifest(args.out, MANIFEST)


if __name__ == "__main__":
    main()
