"""FTI4CIR (SIGIR 2024) -> a cirstream pack of format 2, served by the API method `multi_token`.

NOT YET RUN against the real weights (none can be downloaded here): names and shapes follow the pack format and are
checked by ExportRecipesTest; the module paths inside the FTI4CIR repository are assumptions to verify.

Checkpoint: the released FTI4CIR model (Google Drive, placed under model_save/ or given as --model_path), CLIP
ViT-L/14. Mapping to the pack:
  image tower        CLIP ViT-L/14 image encoder -> image_embeds [b, 768]; its patch tokens -> patch_embeds [b, 256, 1024]
  multiToken mapping the subject-oriented inversion (global feature -> 1 token) and the attribute-oriented inversion
                     (patch features through its small transformer -> R tokens), concatenated -> token_embeds [b, 1+R, 768]
  multiToken text    CLIP's text tower with the k-th token at the k-th "$" of the prompt
                     "a photo of $ with $ $ $ that {text}" (R = 3 here: set ATTRIBUTE_TOKENS to the checkpoint's R)
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

ATTRIBUTE_TOKENS = 3
MANIFEST = c.clip_manifest("fti4cir-vit-l14", 768, patch_output="patch_embeds")
MANIFEST["multiToken"] = {
    "mappingModel": "mapping.onnx",
    "mappingInputs": {"referenceEmbedding": "image_embeds", "referencePatches": "patch_embeds"},
    "mappingOutput": "token_embeds",
    "textModel": "text_multi.onnx", "textInputIds": "input_ids", "textTokenEmbeddings": "token_embeds",
    "textOutput": "text_embeds",
    "promptTemplate": "a photo of $ with " + " ".join(["$"] * ATTRIBUTE_TOKENS) + " that {text}",
    "placeholderToken": "$", "placeholderId": c.PLACEHOLDER_ID,
}
# dummy shapes of the query-side graph inputs, by documented input (checked against the manifest)
INPUT_SHAPES = {"referenceEmbedding": [1, 768], "referencePatches": [1, 256, 1024]}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model_path", required=True, help="the released FTI4CIR checkpoint")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    import torch
    import open_clip
    os.makedirs(args.out, exist_ok=True)
    clip, _, _ = open_clip.create_model_and_transforms("ViT-L-14", pretrained="openai")
    c.clip_towers(clip, args.out, 224, patch_output="patch_embeds")
    state = torch.load(args.model_path, map_location="cpu")
    from model import Phi, AttributeInversion  # FTI4CIR repo (src/); names to verify against the release
    subject, attributes = Phi(), AttributeInversion(num_tokens=ATTRIBUTE_TOKENS)
    subject.load_state_dict(state["subject"]), attributes.load_state_dict(state["attribute"])

    class Mapping(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.subject, self.attributes = subject, attributes

        def forward(self, image_embeds, patch_embeds):
            return torch.cat([self.subject(image_embeds).unsqueeze(1), self.attributes(patch_embeds)], dim=1)

    inputs = MANIFEST["multiToken"]["mappingInputs"]
    c.export(Mapping(), [c.dummy(INPUT_SHAPES[k]) for k in inputs], inputs.values(), ["token_embeds"],
             os.path.join(args.out, "mapping.onnx"))
    c.export(c.text_with_tokens(clip), [c.dummy((1, c.CONTEXT), ids=True), c.dummy((1, 1 + ATTRIBUTE_TOKENS, 768))],
             ["input_ids", "token_embeds"], ["text_embeds"], os.path.join(args.out, "text_multi.onnx"))
    c.write_manifest(args.out, MANIFEST)


if __name__ == "__main__":
    main()
