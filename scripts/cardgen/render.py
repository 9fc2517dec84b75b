"""Flat renderings of the documents the generator photographs: both sides of
a second-generation resident ID card (85.6 x 54 mm, ID-1, corner radius
3.18 mm per ISO/IEC 7810), and the negatives of the same family: a bank card
(also ID-1) and a passport data page (125 x 88 mm, ICAO 9303 TD3).

Layout positions are in millimetres, measured by eye from published
specimen images of the card (GA 450-2013 shows the same field order); the
card art (guilloche, Great Wall, emblem) is approximated with shapes. Each
renderer returns an RGBA image at `ppm` pixels per millimetre (alpha is the
rounded outline) and a dict of regions in millimetres, used for glare
placement and legibility.
"""
import math
import os

from PIL import Image, ImageDraw, ImageFilter, ImageFont

import numpy as np

from people import validity_text

CARD_W, CARD_H, CARD_R = 85.6, 54.0, 3.18
PASS_W, PASS_H = 125.0, 88.0

CJK_FONTS = [
    ('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 0, 'WenQuanYi Micro Hei'),
    ('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 0, 'WenQuanYi Zen Hei'),
    ('/usr/share/fonts/truetype/arphic/uming.ttc', 0, 'AR PL UMing CN'),
    ('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 2, 'Noto Sans CJK SC'),
    ('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 2, 'Noto Serif CJK SC'),
]
MONO_FONTS = [
    ('/usr/share/fonts/opentype/ocr-b/OCRB.otf', 0, 'OCR B'),
    ('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', 0, 'DejaVu Sans Mono'),
    ('/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf', 0, 'Liberation Mono'),
    ('/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf', 0, 'FreeMono Bold'),
]
LATIN_FONTS = [
    ('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 0, 'DejaVu Sans'),
    ('/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', 0, 'Liberation Sans'),
]


def available(fonts):
    return [f for f in fonts if os.path.exists(f[0])]


def check_fonts():
    cjk, mono = available(CJK_FONTS), available(MONO_FONTS)
    missing = []
    if len(cjk) < 2:
        missing.append('two CJK fonts (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming)')
    if len(mono) < 2:
        missing.append('two monospaced fonts (fonts-ocr-b, fonts-dejavu-core, fonts-liberation)')
    return missing


_font_cache = {}


def font(spec, px):
    key = (spec[0], spec[1], int(px))
    f = _font_cache.get(key)
    if f is None:
        f = ImageFont.truetype(spec[0], max(4, int(px)), index=spec[1])
        if len(_font_cache) > 400:
            _font_cache.clear()
        _font_cache[key] = f
    return f


def rounded_mask(w, h, r):
    m = Image.new('L', (w, h), 0)
    ImageDraw.Draw(m).rounded_rectangle((0, 0, w - 1, h - 1), radius=r, fill=255)
    return m


_bg_cache = {}


def guilloche(w, h, seed, tint_a, tint_b, base):
    """A light security-print background: two families of interfering sine
    lines over a soft gradient. Cached per (size, seed)."""
    key = (w, h, seed, tint_a, tint_b, base)
    im = _bg_cache.get(key)
    if im is not None:
        return im.copy()
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    x /= w
    y /= h
    f1, f2 = rng.uniform(30, 55), rng.uniform(2, 5)
    a = np.sin(2 * np.pi * (f1 * x + 0.08 * np.sin(2 * np.pi * f2 * y)))
    b = np.sin(2 * np.pi * (f1 * 0.8 * y + 0.1 * np.sin(2 * np.pi * (f2 + 1) * x)))
    la = np.clip((a - 0.82) * 5.5, 0, 1)
    lb = np.clip((b - 0.86) * 7.0, 0, 1)
    r = np.hypot(x - 0.62, y - 0.55)
    rosette = np.clip((np.sin(2 * np.pi * (r * 22 + 0.15 * np.sin(14 * np.arctan2(y - 0.55, x - 0.62)))) - 0.85) * 6, 0, 1) * (r < 0.35)
    out = np.empty((h, w, 3), np.float32)
    for c in range(3):
        v = base[c] * (0.97 + 0.03 * (1 - y))
        v = v * (1 - 0.22 * la) + tint_a[c] * 0.22 * la
        v = v * (1 - 0.18 * lb) + tint_b[c] * 0.18 * lb
        v = v * (1 - 0.25 * rosette) + tint_b[c] * 0.25 * rosette
        out[..., c] = v
    im = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), 'RGB')
    if len(_bg_cache) > 24:
        _bg_cache.clear()
    _bg_cache[key] = im
    return im.copy()


def portrait(w, h, rnd):
    """A synthetic head-and-shoulders photo on a light background."""
    # Printed on the card, the photo's white backdrop is a light grey or blue, not paper white.
    im = Image.new('RGB', (w, h), tuple(int(v) for v in rnd.choice(((236, 238, 240), (228, 234, 242), (240, 240, 237)))))
    d = ImageDraw.Draw(im)
    skin = rnd.choice(((236, 200, 170), (225, 185, 150), (205, 160, 125), (240, 210, 185)))
    hair = rnd.choice(((25, 20, 20), (45, 35, 30), (60, 50, 40), (15, 15, 15)))
    cloth = rnd.choice(((30, 40, 70), (20, 20, 20), (90, 30, 30), (60, 60, 60), (230, 230, 230)))
    cx = w * rnd.uniform(0.47, 0.53)
    fw, fh = w * rnd.uniform(0.28, 0.36), h * rnd.uniform(0.30, 0.36)
    fy = h * 0.43
    d.ellipse((cx - w * 0.5, h * 0.78, cx + w * 0.5, h * 1.35), fill=cloth)  # shoulders
    d.rectangle((cx - fw * 0.28, fy + fh * 0.3, cx + fw * 0.28, h * 0.85), fill=tuple(int(c * 0.92) for c in skin))  # neck
    d.ellipse((cx - fw * 0.62, fy - fh * 0.72, cx + fw * 0.62, fy + fh * 0.25), fill=hair)  # hair
    if rnd.random() < 0.4:  # long hair
        d.rectangle((cx - fw * 0.62, fy - fh * 0.2, cx + fw * 0.62, fy + fh * 0.75), fill=hair)
    d.ellipse((cx - fw / 2, fy - fh / 2, cx + fw / 2, fy + fh / 2), fill=skin)  # face
    d.ellipse((cx - fw * 0.58, fy - fh * 0.08, cx - fw * 0.42, fy + fh * 0.14), fill=skin)  # ears
    d.ellipse((cx + fw * 0.42, fy - fh * 0.08, cx + fw * 0.58, fy + fh * 0.14), fill=skin)
    d.chord((cx - fw * 0.52, fy - fh * 0.62, cx + fw * 0.52, fy - fh * 0.05), 180, 360, fill=hair)  # fringe
    ey = fy - fh * 0.02
    for s in (-1, 1):
        ex = cx + s * fw * 0.2
        d.ellipse((ex - fw * 0.07, ey - fh * 0.03, ex + fw * 0.07, ey + fh * 0.03), fill=(250, 250, 250))
        d.ellipse((ex - fw * 0.035, ey - fh * 0.03, ex + fw * 0.035, ey + fh * 0.03), fill=(30, 25, 20))
        d.line((ex - fw * 0.09, ey - fh * 0.09, ex + fw * 0.09, ey - fh * 0.1), fill=hair, width=max(1, int(fh * 0.025)))
    d.line((cx, ey + fh * 0.05, cx - fw * 0.04, fy + fh * 0.18), fill=tuple(int(c * 0.8) for c in skin), width=max(1, int(fw * 0.02)))
    d.arc((cx - fw * 0.15, fy + fh * 0.15, cx + fw * 0.15, fy + fh * 0.32), 20, 160, fill=(160, 70, 70), width=max(1, int(fh * 0.02)))
    return im.filter(ImageFilter.GaussianBlur(max(0.5, w / 200)))


def emblem(d, cx, cy, r, color):
    """The national emblem as shapes: five stars, the gate of Tiananmen,
    a ring of wheat ears and a cogwheel (drawn in one colour, as printed)."""
    # Ring of wheat ears: two arcs of small ellipses.
    for side in (-1, 1):
        for k in range(14):
            a = math.radians(200 - k * 11) if side < 0 else math.radians(-20 + k * 11)
            a = math.pi - a if side > 0 else a
            px, py = cx + math.cos(a) * r * 0.88 * (-1 if side > 0 else 1), cy + math.sin(-a) * r * 0.88
            e = r * 0.09
            d.ellipse((px - e, py - e * 1.6, px + e, py + e * 1.6), fill=color)
    d.ellipse((cx - r * 0.72, cy - r * 0.72, cx + r * 0.72, cy + r * 0.72), outline=color, width=max(1, int(r * 0.05)))
    # Stars: one large, four small in an arc.
    def star(sx, sy, sr, rot=0.0):
        pts = []
        for i in range(10):
            rr = sr if i % 2 == 0 else sr * 0.4
            a = rot - math.pi / 2 + i * math.pi / 5
            pts.append((sx + rr * math.cos(a), sy + rr * math.sin(a)))
        d.polygon(pts, fill=color)
    star(cx, cy - r * 0.42, r * 0.17)
    for k, ang in enumerate((-62, -28, 28, 62)):
        a = math.radians(ang - 90)
        star(cx + math.cos(a) * r * 0.45, cy - r * 0.2 + math.sin(a) * r * 0.3, r * 0.07)
    # Tiananmen: roof, body, base.
    d.polygon([(cx - r * 0.55, cy + r * 0.05), (cx + r * 0.55, cy + r * 0.05), (cx + r * 0.4, cy - r * 0.08), (cx - r * 0.4, cy - r * 0.08)], fill=color)
    d.rectangle((cx - r * 0.42, cy + r * 0.05, cx + r * 0.42, cy + r * 0.22), fill=color)
    d.rectangle((cx - r * 0.55, cy + r * 0.22, cx + r * 0.55, cy + r * 0.38), fill=color)
    # Cogwheel at the bottom with ribbons.
    d.ellipse((cx - r * 0.14, cy + r * 0.52, cx + r * 0.14, cy + r * 0.8), fill=color)
    for i in range(8):
        a = i * math.pi / 4
        d.line((cx, cy + r * 0.66, cx + math.cos(a) * r * 0.18, cy + r * 0.66 + math.sin(a) * r * 0.18), fill=color, width=max(1, int(r * 0.06)))
    d.line((cx - r * 0.75, cy + r * 0.85, cx + r * 0.75, cy + r * 0.85), fill=color, width=max(1, int(r * 0.06)))


def text(d, xy_mm, s, spec, size_mm, ppm, fill, spacing_mm=0.0, anchor='lm'):
    """Draws s at (x, y) mm; returns its box in mm."""
    f = font(spec, size_mm * ppm)
    x, y = xy_mm[0] * ppm, xy_mm[1] * ppm
    if spacing_mm:
        x0 = x
        for ch in s:
            d.text((x, y), ch, font=f, fill=fill, anchor=anchor)
            x += f.getlength(ch) + spacing_mm * ppm
        return (xy_mm[0], xy_mm[1] - size_mm / 2, x / ppm, xy_mm[1] + size_mm / 2)
    d.text((x, y), s, font=f, fill=fill, anchor=anchor)
    bb = d.textbbox((x, y), s, font=f, anchor=anchor)
    return tuple(v / ppm for v in bb)


def fitted(d, xy_mm, s, spec, size_mm, width_mm, ppm, fill, anchor='lm'):
    """Draws s (monospaced) stretched over width_mm by per-character placement."""
    f = font(spec, size_mm * ppm)
    n = len(s)
    pitch = width_mm / n
    for i, ch in enumerate(s):
        cx = (xy_mm[0] + pitch * (i + 0.5)) * ppm
        d.text((cx, xy_mm[1] * ppm), ch, font=f, fill=fill, anchor='mm')
    return (xy_mm[0], xy_mm[1] - size_mm * 0.5, xy_mm[0] + width_mm, xy_mm[1] + size_mm * 0.5)


def wrap(s, n):
    return [s[i:i + n] for i in range(0, len(s), n)][:3]


def id_portrait_side(p, ppm, rnd, cjk, mono):
    w, h = int(round(CARD_W * ppm)), int(round(CARD_H * ppm))
    im = guilloche(w, h, 11, (110, 170, 200), (220, 150, 160), (232, 236, 232))
    d = ImageDraw.Draw(im)
    blue = (38, 100, 160)
    ink = rnd.choice(((20, 20, 20), (35, 35, 40), (10, 10, 25)))
    lab, val = 2.55, 3.05
    regions = {}
    text(d, (6.0, 7.0), '姓名', cjk, lab, ppm, blue, 0.55)
    regions['name'] = text(d, (16.0, 7.0), p['name'], cjk, 3.5, ppm, ink, 0.4)
    text(d, (6.0, 13.5), '性别', cjk, lab, ppm, blue, 0.55)
    text(d, (16.0, 13.5), p['sex'], cjk, val, ppm, ink)
    text(d, (25.0, 13.5), '民族', cjk, lab, ppm, blue, 0.55)
    text(d, (35.0, 13.5), p['ethnicity'], cjk, val, ppm, ink)
    text(d, (6.0, 20.0), '出生', cjk, lab, ppm, blue, 0.55)
    y, m, dd = p['birth'].split('-')
    text(d, (16.0, 20.0), y, cjk, val, ppm, ink)
    text(d, (25.2, 20.0), '年', cjk, lab, ppm, blue)
    text(d, (30.0 if int(m) < 10 else 29.0, 20.0), str(int(m)), cjk, val, ppm, ink)
    text(d, (33.5, 20.0), '月', cjk, lab, ppm, blue)
    text(d, (38.5 if int(dd) < 10 else 37.5, 20.0), str(int(dd)), cjk, val, ppm, ink)
    text(d, (42.0, 20.0), '日', cjk, lab, ppm, blue)
    text(d, (6.0, 26.5), '住址', cjk, lab, ppm, blue, 0.55)
    for i, line in enumerate(wrap(p['address'], 11)):
        text(d, (16.0, 26.5 + i * 4.6), line, cjk, val, ppm, ink)
    text(d, (6.0, 46.6), '公民身份号码', cjk, lab, ppm, blue, 0.25)
    regions['number'] = fitted(d, (28.5, 46.6), p['number'], mono, 3.4, 50.5, ppm, ink)
    px0, py0, px1, py1 = 55.0, 5.2, 80.5, 37.8
    pw, ph = int((px1 - px0) * ppm), int((py1 - py0) * ppm)
    im.paste(portrait(pw, ph, rnd), (int(px0 * ppm), int(py0 * ppm)))
    regions['portrait'] = (px0, py0, px1, py1)
    regions['key'] = regions['number']
    return im, regions


def id_emblem_side(p, ppm, rnd, cjk, mono):
    w, h = int(round(CARD_W * ppm)), int(round(CARD_H * ppm))
    im = guilloche(w, h, 23, (200, 120, 120), (110, 160, 200), (236, 234, 226))
    d = ImageDraw.Draw(im)
    # The Great Wall band behind the title: a crenellated ridge line.
    pts = []
    for i in range(0, 41):
        x = 25 + i * 1.5
        yv = 33 - 4 * math.sin(i / 6.0) - (1.2 if i % 2 else 0)
        pts.append((x * ppm, yv * ppm))
    d.line(pts, fill=(205, 195, 200), width=max(1, int(0.5 * ppm)))
    red = rnd.choice(((205, 35, 40), (190, 30, 35), (215, 50, 45)))
    emblem(d, 14.5 * ppm, 14.8 * ppm, 9.2 * ppm, red)
    ink = rnd.choice(((20, 20, 20), (35, 35, 40)))
    text(d, (30.5, 11.0), '中华人民共和国', cjk, 4.6, ppm, (30, 30, 30), 1.9)
    text(d, (30.0, 23.0), '居民身份证', cjk, 6.6, ppm, (30, 30, 30), 3.4)
    regions = {'emblem': (5.0, 5.0, 24.0, 24.6)}
    text(d, (15.0, 41.5), '签发机关', cjk, 2.55, ppm, (40, 40, 40), 0.5)
    regions['authority'] = text(d, (31.0, 41.5), p['authority'], cjk, 3.0, ppm, ink)
    text(d, (15.0, 48.0), '有效期限', cjk, 2.55, ppm, (40, 40, 40), 0.5)
    vt = validity_text(p)
    if vt.endswith('长期'):
        head = vt[:-2]
        b = fitted(d, (31.0, 48.0), head, mono, 3.0, 1.8 * len(head), ppm, ink)
        b2 = text(d, (31.0 + 1.8 * len(head) + 0.3, 48.0), '长期', cjk, 3.0, ppm, ink)
        regions['validity'] = (b[0], b[1], b2[2], b[3])
    else:
        regions['validity'] = fitted(d, (31.0, 48.0), vt, mono, 3.0, 1.8 * len(vt), ppm, ink)
    regions['key'] = regions['validity']
    return im, regions


def finish(im, ppm, radius_mm):
    w, h = im.size
    im = im.convert('RGBA')
    im.putalpha(rounded_mask(w, h, int(radius_mm * ppm)))
    return im


def bank_card(ppm, rnd, cjk, mono):
    """A UnionPay-style debit card: the ID-1 shape with a chip and a 16-19 digit number."""
    w, h = int(round(CARD_W * ppm)), int(round(CARD_H * ppm))
    c1 = rnd.choice(((20, 60, 140), (170, 20, 30), (200, 160, 60), (25, 25, 30), (20, 120, 90), (230, 230, 235)))
    c2 = tuple(min(255, int(v * 0.6 + 60)) for v in c1)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (x / w * 0.7 + y / h * 0.3)[..., None]
    arr = np.array(c1, np.float32) * (1 - t) + np.array(c2, np.float32) * t
    im = Image.fromarray(arr.astype(np.uint8), 'RGB')
    d = ImageDraw.Draw(im)
    light = sum(c1) > 500
    fg = (30, 30, 30) if light else (245, 240, 230)
    text(d, (6, 7), rnd.choice(('中国工商银行', '中国建设银行', '招商银行', '中国农业银行', '交通银行')), cjk, 4.0, ppm, fg)
    d.rounded_rectangle((9 * ppm, 19 * ppm, 20 * ppm, 27.5 * ppm), radius=int(1.2 * ppm), fill=(212, 175, 90), outline=(150, 120, 60))
    for k in range(1, 4):
        d.line((9 * ppm, (19 + k * 2.1) * ppm, 20 * ppm, (19 + k * 2.1) * ppm), fill=(150, 120, 60), width=max(1, int(0.2 * ppm)))
    digits = ''.join(str(rnd.randint(0, 9)) for _ in range(rnd.choice((16, 19))))
    shown = ' '.join(digits[i:i + 4] for i in range(0, len(digits), 4))
    fitted(d, (7, 36), shown, mono, 4.2, 70, ppm, fg)
    text(d, (7, 45), '%02d/%02d' % (rnd.randint(1, 12), rnd.randint(26, 35)), mono, 2.8, ppm, fg)
    for k, col in enumerate(((200, 30, 40), (0, 60, 130), (0, 120, 110))):
        x0 = 64 + k * 5.5
        d.polygon([((x0 + 1.2) * ppm, 40 * ppm), ((x0 + 6.5) * ppm, 40 * ppm), ((x0 + 5.3) * ppm, 51 * ppm), (x0 * ppm, 51 * ppm)], fill=col)
    text(d, (65, 45.5), '银联', cjk, 3.2, ppm, (255, 255, 255))
    return finish(im, ppm, CARD_R), {'number': (7, 33, 77, 39)}


def passport_page(ppm, rnd, cjk, mono, latin):
    """A passport data page with a portrait and the two OCR-B MRZ lines."""
    w, h = int(round(PASS_W * ppm)), int(round(PASS_H * ppm))
    im = guilloche(w, h, 37, (200, 130, 170), (120, 170, 150), (238, 232, 236))
    d = ImageDraw.Draw(im)
    text(d, (5, 6), '中华人民共和国  护照', cjk, 3.5, ppm, (60, 40, 80))
    text(d, (70, 6), "PEOPLE'S REPUBLIC OF CHINA", latin, 2.6, ppm, (60, 40, 80))
    im.paste(portrait(int(32 * ppm), int(42 * ppm), rnd), (int(5 * ppm), int(14 * ppm)))
    fields = (('类型/Type', 'P'), ('姓名/Name', 'ZHANG, WEI'), ('性别/Sex', 'M'), ('出生日期/Date of birth', '%02d JAN 19%02d' % (rnd.randint(1, 28), rnd.randint(50, 99))),
              ('签发日期/Date of issue', '%02d MAR 20%02d' % (rnd.randint(1, 28), rnd.randint(10, 25))), ('签发机关/Authority', 'MPS EXIT & ENTRY ADMINISTRATION'))
    for i, (k, v) in enumerate(fields):
        text(d, (42, 15 + i * 7.5), k, cjk, 2.0, ppm, (90, 70, 100))
        text(d, (42, 18.5 + i * 7.5), v, latin, 2.7, ppm, (20, 20, 20))
    n = 'E%08d' % rnd.randint(0, 99999999)
    l1 = 'POCHNZHANG<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<'
    l2 = (n + '<4CHN' + '%06d' % rnd.randint(0, 999999) + '1M' + '%06d' % rnd.randint(0, 999999) + '<' * 20)[:44]
    fitted(d, (5, 71), l1, mono, 3.6, 115, ppm, (20, 20, 20))
    fitted(d, (5, 79), l2, mono, 3.6, 115, ppm, (20, 20, 20))
    return finish(im, ppm, 1.5), {'mrz': (5, 68, 120, 82)}


def id_card(side, p, ppm, rnd, cjk, mono):
    if side == 'portrait':
        im, regions = id_portrait_side(p, ppm, rnd, cjk, mono)
    else:
        im, regions = id_emblem_side(p, ppm, rnd, cjk, mono)
    return finish(im, ppm, CARD_R), regions
