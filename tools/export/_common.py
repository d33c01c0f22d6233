"""Shared parts of the seed export recipes (tools/export/<seed>.py): the CLIP towers and the manifest skeleton.

NOT YET RUN against the real weights (none can be downloaded where these were written). Every recipe declares its
manifest as MANIFEST (and the dummy input shapes of its query-side graphs as INPUT_SHAPES) at module level without
importing torch, so the build checks both against the pack format (ExportRecipesTest) without PyTorch installed.
"""
import json
import os

CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]
CONTEXT = 77
PLACEHOLDER_ID = 259  # "$" in CLIP's BPE vocabulary, as SEARLE and LinCIR use it
BATCH = {0: "batch"}


def clip_manifest(pack_id, dimension, size=224, patch_output=None):
    """A format-2 manifest with CLIP's image and text towers (OpenCLIP padding: pad 0, bos 49406, eos 49407)."""
    image = {"model": "image.onnx", "input": "pixel_values", "output": "image_embeds",
             "preprocessing": {"size": size, "resize": "shortest-side-bicubic", "crop": "center", "channels": "RGB",
                               "mean": CLIP_MEAN, "std": CLIP_STD}}
    if patch_output:
        image["patchOutput"] = patch_output
    return {"format": 2, "id": pack_id, "dimension": dimension, "space": "cosine", "precision": "fp32",
            "image": image,
            "text": {"model": "text.onnx", "inputIds": "input_ids", "output": "text_embeds",
                     "tokenizer": {"file": "tokenizer.json", "contextLength": CONTEXT,
                                   "padId": 0, "bosId": 49406, "eosId": 49407}}}


def export(module, dummies, names, outputs, path):
    """torch.onnx.export with a dynamic batch axis on every named input and output (opset 18)."""
    import torch
    torch.onnx.export(module.eval(), tuple(dummies), path, opset_version=18, input_names=list(names),
                      output_names=list(outputs), dynamic_axes={n: BATCH for n in list(names) + list(outputs)})


def dummy(shape, ids=False):
    import torch
    return torch.zeros(*shape, dtype=torch.long) if ids else torch.randn(*shape)


def clip_towers(model, out, size, patch_output=None, hf_tokenizer="openai/clip-vit-large-patch14"):
    """image.onnx (optionally with the patch tokens as a second output), text.onnx and tokenizer.json."""
    import torch
    from transformers import CLIPTokenizerFast

    class Image(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, pixel_values):
            if not patch_output:
                return self.m.encode_image(pixel_values)
            self.m.visual.output_tokens = True  # OpenCLIP >= 2.20: (pooled, tokens)
            pooled, tokens = self.m.visual(pixel_values)
            return pooled, tokens

    class Text(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids):
            return self.m.encode_text(input_ids)

    outputs = ["image_embeds"] + ([patch_output] if patch_output else [])
    export(Image(model), [dummy((1, 3, size, size))], ["pixel_values"], outputs, os.path.join(out, "image.onnx"))
    export(Text(model), [dummy((1, CONTEXT), ids=True)], ["input_ids"], ["text_embeds"], os.path.join(out, "text.onnx"))
    CLIPTokenizerFast.from_pretrained(hf_tokenizer).backend_tokenizer.save(os.path.join(out, "tokenizer.json"))


def text_with_tokens(model, placeholder_id=PLACEHOLDER_ID):
    """CLIP's text tower that puts the k-th pseudo-word token at the k-th placeholder (one or several tokens)."""
    import torch

    class TextWithTokens(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, token_embeds):
            x = self.m.token_embedding(input_ids)
            tokens = token_embeds if token_embeds.dim() == 3 else token_embeds.unsqueeze(1)
            slot = (input_ids == placeholder_id)
            order = torch.cumsum(slot.long(), dim=1) - 1  # which token each placeholder takes
            picked = torch.gather(tokens, 1, order.clamp(min=0).unsqueeze(-1).expand(-1, -1, tokens.shape[-1]))
            x = torch.where(slot.unsqueeze(-1), picked.to(x.dtype), x) + self.m.positional_embedding
            x = self.m.ln_final(self.m.transformer(x, attn_mask=self.m.attn_mask))
            return x[torch.arange(x.shape[0]), input_ids.argmax(dim=-1)] @ self.m.text_projection

    return TextWithTokens(model)


def write_manifest(out, manifest):
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print("wrote", out, "- now load it once (ModelRuntime.load / ./cirstream api) to check every name and shape")
