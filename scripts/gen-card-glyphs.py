#!/usr/bin/env python3
"""Writes src/image/card/glyphs.rs: zoning templates (ZW x ZH mean ink per
zone) and stroke-direction templates (DW x DH zones x 4 orientations of
the ink's gradient, 0-Q) of the characters the ID card reader classifies
(0-9, X), rendered
from two monospaced faces: OCR B (the face the real card's number uses, an
OCR-B style) and DejaVu Sans Mono. Other faces (Liberation Mono, FreeMono)
are deliberately left out, so the benchmark can report accuracy on faces
the reader never saw.

The cell is normalised the way src/image/card/ocr.rs normalises what it
reads: vertically the digits' common ink extent, horizontally 0.75 x that
height, centred on the glyph's ink.
"""
import os
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ZW, ZH = 6, 10
# Zoning levels: 0-QZ, written on the 0-255 scale (x 17) that the reader and
# the tests read. 16 levels compress ~0.4 KB gz smaller than 256 and moved
# a few reads on seeds 2, 7 and 8 (docs/notes/vision-read3.md: s7 -3
# numbers, -1 validity; s2 +1 validity); 32 levels saved 120 B less.
QZ = 15
CLASSES = '0123456789X'
FONTS = [
    ('/usr/share/fonts/opentype/ocr-b/OCRB.otf', 'OCR B'),
    ('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', 'DejaVu Sans Mono'),
]
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
OUT = os.path.join(ROOT, 'src', 'image', 'card', 'glyphs.rs')


def zoning(ink, box, w, h):
    """Mean ink in ZW x ZH zones of box (x0, y0, x1, y1) in a w x h float image."""
    x0, y0, x1, y1 = box
    out = []
    sub = 8
    for zy in range(ZH):
        for zx in range(ZW):
            acc = 0.0
            for sy in range(sub):
                for sx in range(sub):
                    x = x0 + (zx + (sx + 0.5) / sub) / ZW * (x1 - x0)
                    y = y0 + (zy + (sy + 0.5) / sub) / ZH * (y1 - y0)
                    xi, yi = int(x), int(y)
                    if 0 <= xi < w and 0 <= yi < h:
                        acc += ink[yi * w + xi]
            out.append(acc / (sub * sub))
    return out


DW, DH = 3, 5
# Direction levels: 0-Q (fewer levels compress better; measured neutral).
Q = 15


def directions(im, box, line_px):
    """Stroke directions: per DW x DH zone of box, the gradient magnitude
    (|gx| + |gy|) of the ink in 4 orientation bins (0: horizontal
    gradient, 1: diagonal with gx*gy > 0, 2: vertical, 3: the other
    diagonal), the image first blurred to the reader's ~25 px line."""
    w, h = im.size
    im = im.filter(ImageFilter.GaussianBlur(line_px / 25.0))
    ink = [v / 255.0 for v in im.getdata()]
    x0, y0, x1, y1 = box
    out = [0.0] * (DW * DH * 4)
    for y in range(max(1, int(y0)), min(h - 1, int(y1))):
        for x in range(max(1, int(x0) + 1), min(w - 1, int(x1))):
            gx = ink[y * w + x + 1] - ink[y * w + x - 1]
            gy = ink[(y + 1) * w + x] - ink[(y - 1) * w + x]
            m = abs(gx) + abs(gy)
            if m == 0:
                continue
            if abs(gx) > 2.414 * abs(gy):
                k = 0
            elif abs(gy) > 2.414 * abs(gx):
                k = 2
            elif gx * gy > 0:
                k = 1
            else:
                k = 3
            zx = min(DW - 1, int((x - x0) / (x1 - x0) * DW))
            zy = min(DH - 1, int((y - y0) / (y1 - y0) * DH))
            out[(zy * DW + zx) * 4 + k] += m
    top = max(out) or 1.0
    return [v / top for v in out]


PH = 10
# Profile levels: 0-QP.
QP = 15


def profiles(ink, box, w, h):
    """Left and right profiles: per PH row band of box, the mean distance
    (share of the box width) from the box's left (then right) edge to the
    first pixel with ink >= 0.5 (1 where a row has none)."""
    x0, y0, x1, y1 = box
    acc = [0.0] * (2 * PH)
    cnt = [0] * PH
    for y in range(max(0, int(y0)), min(h, int(y1))):
        zy = min(PH - 1, int((y - y0) / (y1 - y0) * PH))
        xs = [x for x in range(max(0, int(x0)), min(w, int(x1))) if ink[y * w + x] >= 0.5]
        left = (xs[0] - x0) / (x1 - x0) if xs else 1.0
        right = (x1 - 1 - xs[-1]) / (x1 - x0) if xs else 1.0
        acc[zy] += left
        acc[PH + zy] += right
        cnt[zy] += 1
    return [a / max(1, cnt[i % PH]) for i, a in enumerate(acc)]


def main():
    rows = []
    for path, name in FONTS:
        f = ImageFont.truetype(path, 120)
        adv = f.getlength('0')
        boxes = {}
        imgs = {}
        for ch in CLASSES:
            im = Image.new('L', (260, 220), 0)
            ImageDraw.Draw(im).text((60, 40), ch, font=f, fill=255)
            boxes[ch] = im.getbbox()
            imgs[ch] = im
        top = min(b[1] for b in boxes.values())
        bottom = max(b[3] for b in boxes.values())
        for ch in CLASSES:
            im = imgs[ch]
            w, h = im.size
            ink = [v / 255.0 for v in im.getdata()]
            b = boxes[ch]
            cx = (b[0] + b[2]) / 2
            half = 0.375 * (bottom - top)
            box = (cx - half, top, cx + half, bottom)
            z = zoning(ink, box, w, h)
            dz = directions(im, box, bottom - top)
            pz = profiles(ink, box, w, h)
            rows.append((ch, name, [max(0, min(QZ, int(round(v * QZ)))) * (255 // QZ) for v in z],
                         [max(0, min(Q, int(round(v * Q)))) for v in dz],
                         [max(0, min(QP, int(round(v * QP)))) for v in pz]))
    with open(OUT, 'w') as o:
        o.write('//! Generated by scripts/gen-card-glyphs.py: zoning templates (%d x %d mean\n' % (ZW, ZH))
        o.write('//! ink, 16 levels on 0-255) and stroke directions (%d x %d zones x 4 orientations, 0-%d)\n' % (DW, DH, Q))
        o.write('//! of 0-9 and X in OCR B and DejaVu Sans Mono. Do not edit.\n\n')
        o.write('/// Zones across.\npub const ZW: usize = %d;\n/// Zones down.\npub const ZH: usize = %d;\n\n' % (ZW, ZH))
        o.write('/// (character, zones) per face.\n#[rustfmt::skip]\npub const GLYPHS: [(u8, [u8; %d]); %d] = [\n' % (ZW * ZH, len(rows)))
        for ch, name, z, _, _ in rows:
            o.write("    (b'%s', [%s]), // %s\n" % (ch, ', '.join(str(v) for v in z), name))
        o.write('];\n\n')
        o.write('/// Stroke-direction zones across and down (4 orientations each).\npub const DW: usize = %d;\n/// Direction zones down.\npub const DH: usize = %d;\n\n' % (DW, DH))
        o.write('/// Stroke directions of GLYPHS, in the same order.\n#[rustfmt::skip]\npub const DIRS: [[u8; %d]; %d] = [\n' % (DW * DH * 4, len(rows)))
        for ch, name, _, d, _ in rows:
            o.write("    [%s], // %s %s\n" % (', '.join(str(v) for v in d), ch, name))
        o.write('];\n\n')
        o.write('/// Profile bands down (left and right profiles).\npub const PH: usize = %d;\n\n' % PH)
        o.write('/// Left then right profiles of GLYPHS (0-%d: share of the box width to\n/// the first ink), in the same order.\n#[rustfmt::skip]\npub const PROFILES: [[u8; %d]; %d] = [\n' % (QP, 2 * PH, len(rows)))
        for ch, name, _, _, pz in rows:
            o.write("    [%s], // %s %s\n" % (', '.join(str(v) for v in pz), ch, name))
        o.write('];\n')


main()
