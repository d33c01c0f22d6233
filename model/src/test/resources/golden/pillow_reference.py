#!/usr/bin/env python3
"""Reference image preprocessing with Pillow + numpy, as CLIP / OpenCLIP preprocess a PIL image.

    python3 pillow_reference.py OUT_DIR IMAGES_DIR SPEC [SPEC ...]
    SPEC = name:size:RGB|BGR:mean0,mean1,mean2:std0,std1,std2   (mean and std in RGB order, as in manifest.json)

For every image in IMAGES_DIR (sorted by name) it writes
    OUT_DIR/<image>.rgb          the decoded upright picture: int32 LE width, height, then R G B bytes row by row
    OUT_DIR/<image>@<name>.f32   the model input for SPEC: float32 LE, planes x size x size (CHW)
The steps are torchvision's, written out so no torch is needed:
    ImageOps.exif_transpose        (the Java decoder honours EXIF orientation too)
    convert("RGB")                 (CLIP's _convert_image_to_rgb); 16-bit grey keeps its high byte, see upright_rgb
    Resize(size, BICUBIC)          short side -> size, long side -> int(size * long / short), Image.resize BICUBIC
    CenterCrop(size)               offsets int(round((n - size) / 2.0)): Python rounds halves to even
    ToTensor + Normalize           float32: (v / 255 - mean) / std, planes in the spec's channel order
Exit status 0 on success; anything else (a missing module included) is a failure the Java test reports.
"""
import os
import struct
import sys

import numpy as np
from PIL import Image, ImageOps


def upright_rgb(path):
    with Image.open(path) as im:
        im.load()
        upright = ImageOps.exif_transpose(im)
        if upright.mode.startswith("I"):
            # The one deliberate departure from convert("RGB"): Pillow opens a 16-bit grey PNG as mode I and
            # convert("RGB") clips it at 255, so a 16-bit grey photo turns white. The runtime keeps the high byte,
            # as Pillow itself does for 16-bit RGB PNGs; the reference does the same from Pillow's decoded samples.
            high = (np.asarray(upright).astype(np.int64) >> 8).clip(0, 255).astype(np.uint8)
            upright = Image.fromarray(high, "L")
        return upright.convert("RGB")


def preprocess(rgb, size, channels, mean, std):
    w, h = rgb.size
    if w <= h:
        ow, oh = size, int(size * h / w)
    else:
        ow, oh = int(size * w / h), size
    resized = rgb.resize((ow, oh), Image.BICUBIC)
    left = int(round((ow - size) / 2.0))
    top = int(round((oh - size) / 2.0))
    crop = np.asarray(resized.crop((left, top, left + size, top + size)), dtype=np.uint8)
    scaled = crop.astype(np.float32) / np.float32(255)
    order = [0, 1, 2] if channels == "RGB" else [2, 1, 0]
    planes = [(scaled[:, :, c] - np.float32(mean[c])) / np.float32(std[c]) for c in order]
    return np.stack(planes).astype("<f4")


def parse(spec):
    name, size, channels, mean, std = spec.split(":")
    if channels not in ("RGB", "BGR"):
        raise SystemExit("channel order must be RGB or BGR, was " + channels)
    return name, int(size), channels, [float(v) for v in mean.split(",")], [float(v) for v in std.split(",")]


def main(argv):
    if len(argv) < 4:
        raise SystemExit(__doc__)
    out, images, specs = argv[1], argv[2], [parse(s) for s in argv[3:]]
    os.makedirs(out, exist_ok=True)
    for file in sorted(os.listdir(images)):
        if not file.lower().endswith((".png", ".jpg", ".jpeg")):
            continue
        rgb = upright_rgb(os.path.join(images, file))
        with open(os.path.join(out, file + ".rgb"), "wb") as f:
            f.write(struct.pack("<ii", rgb.size[0], rgb.size[1]))
            f.write(np.asarray(rgb, dtype=np.uint8).tobytes())
        for name, size, channels, mean, std in specs:
            with open(os.path.join(out, file + "@" + name + ".f32"), "wb") as f:
                f.write(preprocess(rgb, size, channels, mean, std).tobytes())


if __name__ == "__main__":
    main(sys.argv)
