#!/usr/bin/env python3
"""Writes the golden preprocessing fixtures (small images in awkward formats) into images/ next to this file.

Run once by hand when a fixture is added: `python3 make_fixtures.py` (Pillow + numpy, Debian's python3-pil and
python3-numpy). The images are committed; the tests never regenerate them, so the Java decoder and Pillow read
the same bytes. Content is deterministic (fixed seed) and mixes smooth gradients, hard edges and noise, so both
the bicubic kernel and JPEG decoding get exercised.
"""
import os
import struct
import sys
import zlib

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def scene(w, h, seed):
    """A w x h x 3 uint8 picture: gradients, a disc, a bar and a little noise."""
    rng = np.random.RandomState(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    r = 255 * x / max(w - 1, 1)
    g = 255 * y / max(h - 1, 1)
    b = 128 + 100 * np.sin(x / 3.0) * np.cos(y / 5.0)
    img = np.stack([r, g, b], axis=-1)
    disc = (x - w * 0.4) ** 2 + (y - h * 0.6) ** 2 < (min(w, h) * 0.25) ** 2
    img[disc] = [250, 20, 40]
    img[(x > w * 0.7) & (x < w * 0.8)] = [10, 10, 10]
    img += rng.normal(0, 6, img.shape)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def png16(path, rgb16):
    """A 16-bit RGB PNG, written by hand: Pillow cannot save one."""
    h, w, _ = rgb16.shape
    raw = b"".join(b"\x00" + rgb16[row].astype(">u2").tobytes() for row in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def main(out):
    os.makedirs(out, exist_ok=True)
    rgb = scene(61, 47, 1)
    Image.fromarray(rgb).save(os.path.join(out, "rgb-61x47.png"))
    Image.fromarray(scene(37, 53, 2)).convert("L").save(os.path.join(out, "grey-37x53.png"))
    grey = Image.fromarray(scene(45, 31, 3)).convert("L")
    alpha = Image.fromarray(np.tile(np.linspace(0, 255, 45).astype(np.uint8), (31, 1)))
    Image.merge("LA", (grey, alpha)).save(os.path.join(out, "grey-alpha-45x31.png"))
    rgba = Image.fromarray(scene(33, 47, 4)).convert("RGBA")
    rgba.putalpha(Image.fromarray(np.tile(np.linspace(255, 0, 47).astype(np.uint8)[:, None], (1, 33))))
    rgba.save(os.path.join(out, "rgba-33x47.png"))
    Image.fromarray(scene(50, 40, 5)).quantize(colors=16, method=Image.Quantize.MEDIANCUT).save(
        os.path.join(out, "palette-50x40.png"))
    y, x = np.mgrid[0:41, 0:29]
    grey16 = ((x * 1500 + y * 600 + (x * y % 7) * 90) % 65536).astype(np.uint16)
    Image.fromarray(grey16).save(os.path.join(out, "grey16-29x41.png"))
    rgb16 = scene(23, 35, 6).astype(np.uint16) * 257 + np.random.RandomState(7).randint(0, 257, (35, 23, 3))
    png16(os.path.join(out, "rgb16-23x35.png"), rgb16.astype(np.uint16))
    Image.fromarray(scene(96, 72, 8)).save(os.path.join(out, "rgb-96x72.jpg"), quality=90)
    Image.fromarray(scene(48, 37, 9)).convert("L").save(os.path.join(out, "grey-48x37.jpg"), quality=90)
    # Stored 40 wide x 24 high with EXIF orientation 6: upright it is 24 x 40 (rotate 90 degrees clockwise).
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(scene(40, 24, 10)).save(os.path.join(out, "exif6-40x24.jpg"), quality=90, exif=exif.tobytes())
    # 64 x 65: the resized long side exceeds the crop by an odd count, so the crop offset is a .5 that rounds.
    Image.fromarray(scene(64, 65, 11)).save(os.path.join(out, "rgb-64x65.png"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "images"))
