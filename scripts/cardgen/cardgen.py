#!/usr/bin/env python3
"""Generates photos of second-generation resident ID cards (both sides) and
no-card negatives, each with its ground truth. See docs/notes/cardgen.md.

    scripts/cardgen/run --seed 1 --count 200 --out /tmp/cards [--rgba] [--jobs 2]

Per image i: NNNNN.jpg, NNNNN.json (the truth) and, with --rgba, NNNNN.rgba:
the JPEG decoded and scaled to long side <= 1024 (never up), as raw RGBA
bytes (rgbaWidth x rgbaHeight x 4), which is what the widget passes to
checkImagePixels. index.jsonl holds all truths in order. Image i depends
only on (seed, i): any --start/--count slice gives the same files.

Forcing options (for tests): --slot, --side, --defects a,b (or none),
--negative KIND, --long PX.
"""
import argparse
import datetime
import io
import json
import math
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
from PIL import Image, ImageChops, ImageFilter  # noqa: E402

import people  # noqa: E402
import render  # noqa: E402
import scene  # noqa: E402

VERSION = 1
RGBA_EDGE = 1024
WORK_EDGE = 1400
TODAY = datetime.date(2026, 12, 1)  # fixed, so a seed gives the same identities on any day
SLOTS = ('idCardFront', 'idCardBack', 'handheldId')
DEFECTS = ('cropped', 'small', 'glare', 'blur', 'dark', 'overexposed', 'bw', 'wrong_side')
NEGATIVES = ('landscape', 'wall', 'form', 'bank_card', 'passport')
CODES = {
    'cropped': 'image.card_cropped', 'small': 'image.card_small', 'glare': 'image.glare',
    'blur': 'image.blurry', 'dark': 'image.too_dark', 'overexposed': 'image.overexposed',
    'bw': 'image.grayscale', 'wrong_side': 'image.wrong_side',
}
# Card long edge in the 1024-px RGBA: normal cards from NORMAL_MIN, small ones
# below SMALL_MAX; nothing is generated in between, so the truth is crisp
# whatever threshold the detector picks inside the gap.
NORMAL_MIN, SMALL_MAX, SMALL_MIN = 340, 230, 110
# Legible: the key text's em height (3.4 mm number / 3.0 mm validity) at
# RGBA scale at least this many pixels, and nothing below hides it.
LEGIBLE_EM = 11.0


def expected_side(slot):
    return {'idCardFront': 'portrait', 'idCardBack': 'emblem', 'handheldId': 'portrait'}[slot]


def pick_size(rnd, long_side=None):
    if long_side is None:
        r = rnd.random()
        long_side = int(rnd.uniform(480, 1000) if r < 0.15 else rnd.uniform(1000, 2000) if r < 0.55 else rnd.uniform(2000, 4000))
    aspect = rnd.choice((4 / 3, 4 / 3, 16 / 9, 3 / 2, 1.0))
    short = int(round(long_side / aspect))
    return (long_side, short) if rnd.random() < 0.6 else (short, long_side)


def sample_spec(rnd, args):
    spec = {'slot': args.slot or rnd.choices(SLOTS, (0.45, 0.42, 0.13))[0]}
    if args.negative or (args.negative is None and not args.defects and not args.side and rnd.random() < 0.15):
        spec['negative'] = args.negative or rnd.choices(NEGATIVES, (0.2, 0.2, 0.2, 0.25, 0.15))[0]
        return spec
    if args.defects is not None:
        defects = [d for d in args.defects if d != 'none']
    else:
        defects = []
        for d, p in (('cropped', 0.1), ('small', 0.08), ('glare', 0.12), ('blur', 0.12), ('dark', 0.06),
                     ('overexposed', 0.06), ('bw', 0.07), ('wrong_side', 0.1)):
            if rnd.random() < p:
                defects.append(d)
        if 'dark' in defects and 'overexposed' in defects:
            defects.remove('overexposed')
        if 'small' in defects and 'cropped' in defects:
            defects.remove('cropped')
        if spec['slot'] == 'handheldId':
            defects = [d for d in defects if d not in ('wrong_side', 'small')]
        rnd.shuffle(defects)
        defects = sorted(defects[:2], key=DEFECTS.index)
    want = expected_side(spec['slot'])
    if args.side:
        side = args.side
        if side != want and 'wrong_side' not in defects and spec['slot'] != 'handheldId':
            defects.append('wrong_side')
    else:
        side = want if 'wrong_side' not in defects else ('emblem' if want == 'portrait' else 'portrait')
    spec['side'] = side
    spec['defects'] = defects
    return spec


def place(rnd, W, H, w_mm, h_mm, rgba_scale, small, cropped, handheld):
    """Chooses pose, size and position; returns the quad in image pixels."""
    for attempt in range(40):
        unit, params = scene.pose(rnd, w_mm, h_mm, 25.0 if attempt < 30 else 10.0)
        ul = scene.long_edge(unit)
        if small:
            target = rnd.uniform(SMALL_MIN, SMALL_MAX - 5) / rgba_scale
        elif handheld:
            target = rnd.uniform(NORMAL_MIN + 5, 560) / rgba_scale
        else:
            target = rnd.uniform(NORMAL_MIN + 5, 1000) / rgba_scale
        x0, y0, x1, y1 = scene.bbox(unit)
        margin = 0.03 * min(W, H)
        fit = min((W - 2 * margin) / (x1 - x0), (H - 2 * margin) / (y1 - y0))
        s = min(target / ul, fit)
        if not small and ul * s * rgba_scale < NORMAL_MIN:
            continue
        q = [(x * s, y * s) for x, y in unit]
        x0, y0, x1, y1 = scene.bbox(q)
        tx = rnd.uniform(margin - x0, W - margin - x1)
        ty = rnd.uniform(margin - y0, H - margin - y1)
        q = [(x + tx, y + ty) for x, y in q]
        out = []
        if cropped:
            k = rnd.randrange(4)
            diag = math.dist(q[0], q[2])
            over = rnd.uniform(0.05, 0.2) * diag
            cx, cy = q[k]
            # Push corner k past the nearest frame edge.
            dists = {'l': cx, 'r': W - cx, 't': cy, 'b': H - cy}
            edge = min(dists, key=dists.get)
            dx = -(cx + over) if edge == 'l' else (W - cx + over) if edge == 'r' else 0
            dy = -(cy + over) if edge == 't' else (H - cy + over) if edge == 'b' else 0
            q = [(x + dx, y + dy) for x, y in q]
        for i, (x, y) in enumerate(q):
            if x < 0 or y < 0 or x > W - 1 or y > H - 1:
                out.append(i)
        if cropped and (not out or len(out) > 2):
            continue
        return q, params, out
    return None


def key_height(quad, box, w_mm, h_mm):
    """Projected em height (px) of a text box given in mm, at its narrower end."""
    hm = scene.homography([(0, 0), (w_mm, 0), (w_mm, h_mm), (0, h_mm)], quad)
    x0, y0, x1, y1 = box
    a = scene.apply_h(hm, [(x0, y0), (x0, y1), (x1, y0), (x1, y1)])
    return min(math.dist(a[0], a[1]), math.dist(a[2], a[3])), hm


def inside(pts, W, H):
    return all(0 <= x <= W - 1 and 0 <= y <= H - 1 for x, y in pts)


def make(seed, index, args, fonts):
    rnd = random.Random(seed * 1_000_003 + index)
    rng = np.random.default_rng([seed, index])
    cjk_all, mono_all, latin_all = fonts
    spec = sample_spec(rnd, args)
    W0, H0 = pick_size(rnd, args.long)
    # The scene is composed at a working size (long side <= WORK_EDGE) and
    # scaled up at the end: phone photos are soft at full size anyway, and
    # the checks see the 1024-px copy. Noise and JPEG are applied at full size.
    wscale = min(1.0, WORK_EDGE / max(W0, H0))
    W, H = max(1, round(W0 * wscale)), max(1, round(H0 * wscale))
    rgba_scale = min(1.0, RGBA_EDGE / max(W0, H0)) / wscale  # RGBA px per working px
    cjk, mono, latin = rnd.choice(cjk_all), rnd.choice(mono_all), rnd.choice(latin_all)
    truth = {'version': VERSION, 'seed': seed, 'index': index, 'width': W0, 'height': H0, 'slot': spec['slot']}
    neg = spec.get('negative')
    defects = list(spec.get('defects', []))
    detail = {}

    if neg in ('landscape', 'wall', 'form'):
        img = (scene.landscape(rnd, rng, W, H) if neg == 'landscape' else scene.wall(rnd, rng, W, H) if neg == 'wall'
               else scene.form_screenshot(rnd, rng, W, H, cjk, mono))
        quad, params, outside = None, {}, []
    else:
        handheld = spec['slot'] == 'handheldId' and not neg
        bgk = 'hand' if handheld else rnd.choice(('wood', 'cloth', 'paper', 'desk', 'hand'))
        if 'bw' in defects and rnd.random() < 0.5:
            bgk = 'paper'  # a photocopy: the card printed on a sheet
            detail['bw'] = 'copy on paper'
        img = {'wood': scene.bg_wood, 'cloth': scene.bg_cloth, 'paper': scene.bg_paper, 'desk': scene.bg_desk,
               'hand': scene.bg_room}[bgk](rnd, rng, W, H)
        truth['background'] = bgk
        if handheld:  # the holder's face beside the card
            fw_ = int(min(W, H) * rnd.uniform(0.35, 0.55))
            face = render.portrait(fw_, int(fw_ * 1.3), rnd)
            img.paste(face, (int(rnd.uniform(0, W - fw_)), int(rnd.uniform(0, max(1, H - fw_ * 1.3)))))
        if neg == 'passport':
            w_mm, h_mm = render.PASS_W, render.PASS_H
        else:
            w_mm, h_mm = render.CARD_W, render.CARD_H
        cover = 'cropped' in defects and bgk == 'hand' and rnd.random() < 0.4
        placed = place(rnd, W, H, w_mm, h_mm, rgba_scale, 'small' in defects, 'cropped' in defects and not cover, handheld)
        if placed is None:  # the frame cannot hold the wanted size (tiny images): give up the defect
            placed = place(rnd, W, H, w_mm, h_mm, rgba_scale, True, False, False)
            defects = [d for d in defects if d not in ('cropped',)] + (['small'] if 'small' not in defects else [])
            defects.sort(key=DEFECTS.index)
        quad, params, outside = placed
        ppm = max(5, min(16, int(round(scene.long_edge(quad) / w_mm * 1.15))))
        person = None
        if neg == 'bank_card':
            doc, regions = render.bank_card(ppm, rnd, cjk, mono)
        elif neg == 'passport':
            doc, regions = render.passport_page(ppm, rnd, cjk, mono, latin)
        else:
            person = people.person(rnd, TODAY)
            doc, regions = render.id_card(spec['side'], person, ppm, rnd, cjk, mono)
        if 'bw' in defects and detail.get('bw'):
            doc = Image.merge('RGBA', (*([doc.convert('L').point(lambda v: min(255, max(0, (v - 60) * 1.5)))] * 3), doc.getchannel('A')))
        scene.warp_into(img, doc, quad, shadow=detail.get('bw') is None, rnd=rnd)
        covered = []
        if bgk == 'hand':
            covered = scene.draw_hand(img, quad, rnd, rnd.randrange(4) if cover else None)
        if covered:
            detail['cropped'] = {'covered': covered}
        if outside:
            detail['cropped'] = {**detail.get('cropped', {}), 'outside': outside}
        truth.update(params)
        if person:
            truth['person'] = person

    # Light: uneven field, mild sheen, glare.
    glare = None
    lf, shadow = scene.light_field(rnd, rng, W, H, 0.6 if 'dark' in defects or 'overexposed' in defects else 1.0)
    img = Image.merge('RGB', [ImageChops.multiply(c, lf) for c in img.split()])
    if shadow:
        truth['shadow'] = shadow
    if quad is not None:
        key = regions.get('key') if not neg else None
        hm = scene.homography([(0, 0), (w_mm, 0), (w_mm, h_mm), (0, h_mm)], quad)
        L = scene.long_edge(quad)
        if 'glare' in defects:
            if spec['side'] == 'portrait':
                where = rnd.choice(('number', 'portrait', 'other'))
            else:
                where = rnd.choice(('validity', 'emblem', 'other'))
            box = regions.get(where) if where != 'other' else None
            if box:
                cx_mm, cy_mm = rnd.uniform(box[0] + 3, box[2] - 3), (box[1] + box[3]) / 2 + rnd.uniform(-1.5, 1.5)
            else:
                cx_mm, cy_mm = rnd.uniform(30, 50), rnd.uniform(12, 30)
            c = scene.apply_h(hm, [(cx_mm, cy_mm)])[0]
            radius = L * rnd.uniform(0.05, 0.1)
            # Added last, on the full-size photo (below): a specular highlight clips
            # at the sensor, whatever the exposure, blur and noise do elsewhere.
            glare = (c, radius, rnd.uniform(420, 600))
            detail['glare'] = {'over': where, 'center': [round(c[0], 1), round(c[1], 1)], 'radius': round(radius, 1)}
        elif rnd.random() < 0.3:
            c = scene.apply_h(hm, [(rnd.uniform(10, 75), rnd.uniform(8, 45))])[0]
            scene.glare_spot(img, c, L * rnd.uniform(0.08, 0.2), rnd.uniform(8, 25))
            truth['sheen'] = True
    # Exposure.
    if 'dark' in defects:
        g = rnd.uniform(0.16, 0.3)
        img = scene.exposure(img, g, rnd.uniform(1.0, 1.3))
        detail['dark'] = {'gain': round(g, 2)}
    elif 'overexposed' in defects:
        g, lift = rnd.uniform(1.5, 2.2), rnd.uniform(70, 110)
        img = scene.exposure(img, g, 0.8, lift)
        detail['overexposed'] = {'gain': round(g, 2), 'lift': round(lift)}
    else:
        # Auto-exposure keeps the card's light background below clipping (at most ~246 with no sheen).
        img = scene.exposure(img, rnd.uniform(0.82, 0.98), rnd.uniform(0.9, 1.1))
    # Optics: every photo has some softness; the blur defect much more (measured at RGBA scale).
    px = 1 / rgba_scale
    if 'blur' in defects:
        if rnd.random() < 0.6:
            sig = rnd.uniform(2.2, 4.5)
            img = img.filter(ImageFilter.GaussianBlur(sig * px))
            detail['blur'] = {'kind': 'defocus', 'sigma1024': round(sig, 2)}
        else:
            ln, ang = rnd.uniform(8, 18), rnd.uniform(0, math.pi)
            img = scene.motion_blur(img, ln * px, ang)
            detail['blur'] = {'kind': 'motion', 'length1024': round(ln, 1), 'angle': round(math.degrees(ang), 1)}
    elif neg != 'form':
        img = img.filter(ImageFilter.GaussianBlur(rnd.uniform(0.2, 0.7) * px))
    if neg != 'form':
        img = scene.add_noise(img, rng, rnd.uniform(1.5, 6.0) * (2 if 'dark' in defects else 1))
    if (W, H) != (W0, H0):
        img = img.resize((W0, H0), Image.BILINEAR)
    up = 1 / wscale  # working px -> image px
    if glare:
        scene.glare_spot(img, (glare[0][0] * up, glare[0][1] * up), glare[1] * up, glare[2])
    if quad is not None:
        quad = [(x * up, y * up) for x, y in quad]
        if 'glare' in detail:
            g = detail['glare']
            g['center'] = [round(g['center'][0] * up, 1), round(g['center'][1] * up, 1)]
            g['radius'] = round(g['radius'] * up, 1)
    if 'bw' in defects:
        img = img.convert('L').convert('RGB')
        detail.setdefault('bw', 'grayscale photo')
    q = rnd.randint(40, 95)
    buf = io.BytesIO()
    img.save(buf, 'JPEG', quality=q)
    jpeg = buf.getvalue()

    truth['jpegQuality'] = q
    truth['fonts'] = {'cjk': cjk[2], 'mono': mono[2]}
    if neg:
        truth.update(kind='negative', negative=neg, side=None, corners=None, defects=[], legible=False,
                     expect=['image.card_not_found'])
        if quad is not None:
            truth['objectCorners'] = [[round(x, 2), round(y, 2)] for x, y in quad]
    else:
        cl = scene.long_edge(quad)
        em, hm = key_height(quad, regions['key'], w_mm, h_mm)
        em1024 = em * rgba_scale * wscale
        key_box = regions['key']
        key_pts = scene.apply_h(hm, [(key_box[0], key_box[1]), (key_box[2], key_box[1]), (key_box[2], key_box[3]), (key_box[0], key_box[3])])
        hidden = []
        if not inside(key_pts, W0, H0):
            hidden.append('outside')
        g = detail.get('glare', {})
        if g.get('over') in ('number', 'validity'):
            hidden.append('glare')
        b = detail.get('blur', {})
        if b.get('sigma1024', 0) > 0.2 * em1024 or b.get('length1024', 0) > 0.6 * em1024:
            hidden.append('blur')
        if 'dark' in defects and detail['dark']['gain'] < 0.2:
            hidden.append('dark')
        if em1024 < LEGIBLE_EM:
            hidden.append('size')
        codes = sorted({CODES[d] for d in defects})
        truth.update(
            kind='card', side=spec['side'],
            corners=[[round(x, 2), round(y, 2)] for x, y in quad],
            cardLongPx=round(cl, 1), cardLong1024=round(cl * rgba_scale * wscale, 1),
            keyEm1024=round(em1024, 1),
            number=person['number'] if spec['side'] == 'portrait' else None,
            validFrom=person['validFrom'] if spec['side'] == 'emblem' else None,
            validUntil=person['validUntil'] if spec['side'] == 'emblem' else None,
            defects=defects, defectDetail=detail,
            legible=not hidden, illegibleBecause=hidden,
            expect=codes,
        )
    truth['rgbaScale'] = round(rgba_scale * wscale, 6)
    return truth, jpeg


def rgba_of(jpeg, W, H):
    im = Image.open(io.BytesIO(jpeg))
    s = min(1.0, RGBA_EDGE / max(W, H))
    size = (max(1, round(W * s)), max(1, round(H * s)))
    if s < 1:
        # Decode at 1/2, 1/4 or 1/8 scale in the DCT (never below 2x the
        # target), then resample: what a browser's resize gives, faster.
        im.draft('RGB', (size[0] * 2, size[1] * 2))
        im = im.convert('RGB').resize(size, Image.BILINEAR, reducing_gap=2.0)
    return im.convert('RGBA')


def work(job):
    seed, i, args, fonts, out = job
    truth, jpeg = make(seed, i, args, fonts)
    name = '%05d' % i
    with open(os.path.join(out, name + '.jpg'), 'wb') as f:
        f.write(jpeg)
    truth['file'] = name + '.jpg'
    if args.rgba:
        im = rgba_of(jpeg, truth['width'], truth['height'])
        with open(os.path.join(out, name + '.rgba'), 'wb') as f:
            f.write(im.tobytes())
        sx, sy = im.width / truth['width'], im.height / truth['height']
        truth.update(rgba=name + '.rgba', rgbaWidth=im.width, rgbaHeight=im.height)
        for k in ('corners', 'objectCorners'):
            if truth.get(k):
                truth[k + '1024'] = [[round(x * sx, 2), round(y * sy, 2)] for x, y in truth[k]]
    with open(os.path.join(out, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return truth


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=20)
    ap.add_argument('--start', type=int, default=0, help='first index (image i depends only on seed and i)')
    ap.add_argument('--out', required=True)
    ap.add_argument('--rgba', action='store_true', help='also write NNNNN.rgba (long side <= 1024, raw RGBA)')
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--slot', choices=SLOTS)
    ap.add_argument('--side', choices=('portrait', 'emblem'))
    ap.add_argument('--defects', type=lambda s: [d for d in s.split(',') if d], help='exact defect set, e.g. glare,cropped or none')
    ap.add_argument('--negative', choices=NEGATIVES)
    ap.add_argument('--long', type=int, help='long side in px (480-4000)')
    args = ap.parse_args(argv)
    for d in args.defects or []:
        if d != 'none' and d not in DEFECTS:
            ap.error('unknown defect %r (one of %s)' % (d, ', '.join(DEFECTS)))
    missing = render.check_fonts()
    if missing:
        print('cardgen: missing fonts: %s; run scripts/bootstrap' % '; '.join(missing), file=sys.stderr)
        return 2
    fonts = (render.available(render.CJK_FONTS), render.available(render.MONO_FONTS), render.available(render.LATIN_FONTS))
    os.makedirs(args.out, exist_ok=True)
    jobs = [(args.seed, i, args, fonts, args.out) for i in range(args.start, args.start + args.count)]
    t0 = time.time()
    if args.jobs > 1:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            truths = pool.map(work, jobs, chunksize=4)
    else:
        truths = [work(j) for j in jobs]
    dt = time.time() - t0
    with open(os.path.join(args.out, 'index.jsonl'), 'w', encoding='utf-8') as f:
        for t in truths:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    print('cardgen: %d images (seed %d) in %.1f s: %.1f photos/s with %d job(s) -> %s'
          % (len(truths), args.seed, dt, len(truths) / dt if dt else 0, args.jobs, args.out), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
