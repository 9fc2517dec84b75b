"""Composes photos: a flat document (render.py) placed in 3-D (tilt, in-plane
rotation), projected with a pinhole camera onto a background, then lit,
blurred, noised and JPEG-compressed. Also the no-card negatives that are not
documents (landscape, blank wall, a form screenshot).

All pixel work on full-resolution images goes through Pillow's C paths
(transform, GaussianBlur, ImageChops, point LUTs); numpy is used at reduced
resolution (backgrounds, light fields) and for tiles.
"""
import math

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

import render


# ------------------------------------------------------------------ geometry
def homography(src, dst):
    """3x3 H with dst ~ H @ src for four point pairs."""
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    h = np.linalg.solve(np.array(a, float), np.array(b, float))
    return np.append(h, 1).reshape(3, 3)


def apply_h(h, pts):
    out = []
    for x, y in pts:
        p = h @ np.array([x, y, 1.0])
        out.append((p[0] / p[2], p[1] / p[2]))
    return out


def pose(rnd, w_mm, h_mm, tilt_max=25.0):
    """Projected outline (unit scale, centred) of a w x h document under a
    random tilt (<= tilt_max degrees from facing the camera) and in-plane rotation.
    Returns (corners TL,TR,BR,BL in the document's own orientation, params)."""
    r = rnd.random()
    if r < 0.5:
        theta = rnd.uniform(-12, 12)
    elif r < 0.7:
        theta = rnd.choice((90, 180, 270)) + rnd.uniform(-10, 10)
    else:
        theta = rnd.uniform(0, 360)
    tilt = tilt_max * math.sqrt(rnd.random())
    axis = rnd.uniform(0, 2 * math.pi)
    dist = rnd.uniform(1.6, 4.0) * w_mm  # camera distance: nearer = stronger perspective
    ax, ay = math.cos(axis), math.sin(axis)
    t = math.radians(tilt)
    c, s = math.cos(t), math.sin(t)
    # Rodrigues rotation about the in-plane axis (ax, ay, 0).
    rot = np.array([[c + ax * ax * (1 - c), ax * ay * (1 - c), ay * s],
                    [ax * ay * (1 - c), c + ay * ay * (1 - c), -ax * s],
                    [-ay * s, ax * s, c]])
    th = math.radians(theta)
    rz = np.array([[math.cos(th), -math.sin(th), 0], [math.sin(th), math.cos(th), 0], [0, 0, 1]])
    m = rz @ rot
    pts = []
    for x, y in ((-w_mm / 2, -h_mm / 2), (w_mm / 2, -h_mm / 2), (w_mm / 2, h_mm / 2), (-w_mm / 2, h_mm / 2)):
        p = m @ np.array([x, y, 0.0]) + np.array([0, 0, dist])
        pts.append((p[0] / p[2] * dist, p[1] / p[2] * dist))
    return pts, {'rotation': round(theta % 360, 2), 'tilt': round(tilt, 2)}


def long_edge(q):
    return (math.dist(q[0], q[1]) + math.dist(q[3], q[2])) / 2


def bbox(q):
    xs, ys = [p[0] for p in q], [p[1] for p in q]
    return min(xs), min(ys), max(xs), max(ys)


def warp_into(canvas, doc, quad, shadow=True, rnd=None):
    """Pastes the RGBA `doc` onto `canvas` (RGB, in place) so that its corners land on `quad`."""
    W, H = canvas.size
    x0, y0, x1, y1 = bbox(quad)
    pad = 8
    bx0, by0 = max(0, int(math.floor(x0)) - pad), max(0, int(math.floor(y0)) - pad)
    bx1, by1 = min(W, int(math.ceil(x1)) + pad), min(H, int(math.ceil(y1)) + pad)
    if bx1 <= bx0 or by1 <= by0:
        return
    dw, dh = doc.size
    local = [(x - bx0, y - by0) for x, y in quad]
    # PIL wants the map from output pixels to input pixels.
    hinv = homography(local, [(0, 0), (dw, 0), (dw, dh), (0, dh)])
    coeffs = (hinv / hinv[2, 2]).flatten()[:8]
    size = (bx1 - bx0, by1 - by0)
    warped = doc.transform(size, Image.PERSPECTIVE, tuple(coeffs), Image.BILINEAR)
    region = canvas.crop((bx0, by0, bx1, by1))
    alpha = warped.getchannel('A')
    if shadow:
        k = max(2, int(long_edge(quad) * 0.012))
        sh = alpha.filter(ImageFilter.GaussianBlur(k))
        sh = ImageChops.offset(sh, k // 2 + 1, k)
        dark = Image.new('RGB', size, (0, 0, 0))
        region = Image.composite(dark, region, sh.point(lambda v: v * 0.45))
    region.paste(warped.convert('RGB'), (0, 0), alpha)
    canvas.paste(region, (bx0, by0))


# --------------------------------------------------------------- backgrounds
def _lowres(W, H, n=640):
    s = min(1.0, n / max(W, H))
    return max(8, int(W * s)), max(8, int(H * s))


def _smooth_noise(rng, w, h, cells):
    g = rng.random((cells + 1, int(cells * h / w) + 2)).astype(np.float32)
    return np.asarray(Image.fromarray((g * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC), np.float32) / 255.0


def _from_array(arr, W, H):
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), 'RGB').resize((W, H), Image.BILINEAR)


def bg_wood(rnd, rng, W, H):
    w, h = _lowres(W, H)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rnd.uniform(0, math.pi)
    u = (x * math.cos(a) + y * math.sin(a)) / max(w, h)
    n = _smooth_noise(rng, w, h, 6)
    grain = 0.5 + 0.5 * np.sin(2 * np.pi * (rnd.uniform(15, 40) * u + 3 * n))
    fine = _smooth_noise(rng, w, h, 90)
    base = np.array(rnd.choice(((150, 100, 60), (110, 70, 40), (190, 150, 105), (90, 60, 40), (200, 170, 130))), np.float32)
    v = (0.78 + 0.16 * grain + 0.08 * fine)[..., None] * base
    return _from_array(v, W, H)


def _tile(tile, W, H):
    th, tw = tile.shape[:2]
    reps = (H // th + 1, W // tw + 1) + ((1,) if tile.ndim == 3 else ())
    return np.tile(tile, reps)[:H, :W]


def bg_cloth(rnd, rng, W, H):
    p = max(3, int(max(W, H) / rnd.uniform(250, 600)))
    y, x = np.mgrid[0:p * 8, 0:p * 8].astype(np.float32)
    weave = 0.5 + 0.25 * np.sin(2 * np.pi * x / p) * np.sign(np.sin(2 * np.pi * y / (2 * p))) + 0.25 * np.sin(2 * np.pi * y / p)
    base = np.array(rnd.choice(((60, 80, 130), (140, 40, 50), (70, 110, 80), (180, 170, 150), (50, 50, 55), (200, 120, 60))), np.float32)
    tile = (0.8 + 0.2 * weave)[..., None] * base
    arr = _tile(tile.astype(np.float32), W, H)
    w, h = _lowres(W, H, 64)
    folds = np.asarray(Image.fromarray((_smooth_noise(rng, w, h, 3) * 255).astype(np.uint8)).resize((W, H), Image.BILINEAR), np.float32) / 255
    return Image.fromarray(np.clip(arr * (0.8 + 0.35 * folds[..., None]), 0, 255).astype(np.uint8), 'RGB')


def bg_paper(rnd, rng, W, H, cjk=None):
    w, h = _lowres(W, H)
    base = np.array(rnd.choice(((245, 244, 238), (236, 236, 236), (250, 248, 240), (230, 226, 210))), np.float32)
    v = (0.94 + 0.06 * _smooth_noise(rng, w, h, 5))[..., None] * base
    im = _from_array(v, W, H)
    d = ImageDraw.Draw(im)
    if rnd.random() < 0.5:  # ruled or printed lines
        step = H / rnd.uniform(18, 35)
        y = step
        while y < H:
            if rnd.random() < 0.5:
                d.line((0, y, W, y), fill=(170, 190, 220), width=max(1, W // 800))
            else:
                x = W * rnd.uniform(0.02, 0.1)
                d.rectangle((x, y - step * 0.15, x + W * rnd.uniform(0.3, 0.85), y + step * 0.15), fill=(120, 120, 120))
            y += step
    return im


def bg_desk(rnd, rng, W, H):
    im = bg_wood(rnd, rng, W, H) if rnd.random() < 0.5 else Image.new('RGB', (W, H), rnd.choice(((200, 200, 198), (235, 235, 230), (60, 60, 65), (170, 180, 190))))
    d = ImageDraw.Draw(im)
    S = max(W, H)
    for _ in range(rnd.randint(3, 9)):
        kind = rnd.choice(('pen', 'mug', 'phone', 'paper', 'note', 'keys'))
        cx, cy = rnd.uniform(0, W), rnd.uniform(0, H)
        col = tuple(rnd.randint(0, 255) for _ in range(3))
        if kind == 'pen':
            a = rnd.uniform(0, math.pi)
            L = S * rnd.uniform(0.1, 0.25)
            d.line((cx, cy, cx + L * math.cos(a), cy + L * math.sin(a)), fill=col, width=max(2, int(S * 0.008)))
        elif kind == 'mug':
            r = S * rnd.uniform(0.05, 0.1)
            d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=col, outline=(30, 30, 30), width=max(1, int(r * 0.08)))
            d.ellipse((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), fill=(60, 35, 20))
        elif kind == 'phone':
            a, b = S * rnd.uniform(0.06, 0.09), S * rnd.uniform(0.13, 0.18)
            d.rounded_rectangle((cx - a, cy - b, cx + a, cy + b), radius=int(a * 0.25), fill=(20, 20, 25))
        elif kind == 'paper':
            a, b = S * rnd.uniform(0.1, 0.25), S * rnd.uniform(0.14, 0.3)
            d.rectangle((cx - a, cy - b, cx + a, cy + b), fill=(245, 245, 240))
            for k in range(int(b * 2 / (S * 0.02))):
                yy = cy - b + S * 0.02 * (k + 1)
                d.line((cx - a * 0.85, yy, cx + a * rnd.uniform(0.2, 0.85), yy), fill=(90, 90, 90), width=max(1, int(S * 0.003)))
        elif kind == 'note':
            a = S * rnd.uniform(0.04, 0.07)
            d.rectangle((cx - a, cy - a, cx + a, cy + a), fill=(250, 230, 90))
        else:
            r = S * 0.02
            d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(160, 160, 165), width=max(2, int(r * 0.3)))
            d.line((cx + r, cy, cx + r * 4, cy + r), fill=(170, 170, 175), width=max(2, int(r * 0.6)))
    return im


def bg_room(rnd, rng, W, H):
    """A blurred indoor scene behind a hand-held card."""
    w, h = _lowres(W, H, 160)
    base = np.array(rnd.choice(((200, 195, 185), (120, 130, 140), (220, 220, 225), (150, 120, 100))), np.float32)
    v = (0.6 + 0.5 * _smooth_noise(rng, w, h, 4))[..., None] * base
    im = _from_array(v, W, H)
    d = ImageDraw.Draw(im)
    for _ in range(rnd.randint(2, 5)):
        x, y = rnd.uniform(0, W), rnd.uniform(0, H)
        a, b = rnd.uniform(0.1, 0.4) * W, rnd.uniform(0.1, 0.4) * H
        d.rectangle((x, y, x + a, y + b), fill=tuple(rnd.randint(40, 230) for _ in range(3)))
    return im.filter(ImageFilter.GaussianBlur(max(W, H) / 150))


SKINS = ((224, 182, 150), (200, 150, 115), (235, 200, 175), (170, 120, 90))


def draw_hand(im, quad, rnd, cover_corner=None):
    """Fingers and thumb holding the card's edges; with cover_corner a finger
    hides that corner. Returns the corners a finger covers."""
    d = ImageDraw.Draw(im)
    skin = rnd.choice(SKINS)
    L = long_edge(quad)
    fw = L * rnd.uniform(0.09, 0.12)
    covered = []
    # Thumb over the middle of the top or left edge, clear of the corners
    # and of the key line (number / validity, both near the bottom edge).
    e = rnd.choice(((0, 1), (3, 0)))
    t = rnd.uniform(0.3, 0.6)
    p = (quad[e[0]][0] * (1 - t) + quad[e[1]][0] * t, quad[e[0]][1] * (1 - t) + quad[e[1]][1] * t)
    c = ((quad[0][0] + quad[2][0]) / 2, (quad[0][1] + quad[2][1]) / 2)
    dx, dy = p[0] - c[0], p[1] - c[1]
    n = math.hypot(dx, dy) or 1
    # Point the thumb along the edge's inward normal, not at the centre.
    ex, ey = quad[e[1]][0] - quad[e[0]][0], quad[e[1]][1] - quad[e[0]][1]
    en = math.hypot(ex, ey) or 1
    nx, ny = ey / en, -ex / en
    if nx * dx + ny * dy < 0:
        nx, ny = -nx, -ny
    dx, dy, n = nx, ny, 1.0
    inner = (p[0] - dx / n * fw * 0.9, p[1] - dy / n * fw * 0.9)
    outer = (p[0] + dx / n * fw * 4, p[1] + dy / n * fw * 4)
    d.line((inner, outer), fill=skin, width=int(fw))
    d.ellipse((inner[0] - fw / 2, inner[1] - fw / 2, inner[0] + fw / 2, inner[1] + fw / 2), fill=skin)
    d.ellipse((outer[0] - fw * 2.5, outer[1] - fw * 2.5, outer[0] + fw * 2.5, outer[1] + fw * 2.5), fill=tuple(int(v * 0.95) for v in skin))
    if cover_corner is not None:
        q = quad[cover_corner]
        dx, dy = q[0] - c[0], q[1] - c[1]
        n = math.hypot(dx, dy) or 1
        tip = (q[0] - dx / n * fw * 0.9, q[1] - dy / n * fw * 0.9)
        base = (q[0] + dx / n * fw * 3, q[1] + dy / n * fw * 3)
        d.line((tip, base), fill=skin, width=int(fw * 1.1))
        d.ellipse((tip[0] - fw * 0.55, tip[1] - fw * 0.55, tip[0] + fw * 0.55, tip[1] + fw * 0.55), fill=skin)
        covered.append(cover_corner)
    return covered


# ------------------------------------------------------------ light & optics
def light_field(rnd, rng, W, H, strength=1.0):
    """A multiplicative light field in [~0.5, 1]: gradient, vignette, a soft shadow."""
    w, h = _lowres(W, H, 256)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    x /= w
    y /= h
    a = rnd.uniform(0, 2 * math.pi)
    f = 1 - strength * rnd.uniform(0, 0.25) * (0.5 + 0.5 * ((x - 0.5) * math.cos(a) + (y - 0.5) * math.sin(a)) * 2)
    f -= strength * rnd.uniform(0, 0.25) * ((x - 0.5) ** 2 + (y - 0.5) ** 2) * 2
    shadow = None
    if rnd.random() < 0.35 * strength:
        m = Image.new('L', (w, h), 0)
        cx, cy = rnd.uniform(0, w), rnd.uniform(0, h)
        pts = [(cx + rnd.uniform(-1, 1) * w * 0.6, cy + rnd.uniform(-1, 1) * h * 0.6) for _ in range(4)]
        ImageDraw.Draw(m).polygon(pts, fill=255)
        m = m.filter(ImageFilter.GaussianBlur(rnd.uniform(2, 10)))
        depth = rnd.uniform(0.15, 0.35)
        f = f * (1 - depth * np.asarray(m, np.float32) / 255)
        shadow = round(depth, 2)
    f = np.clip(f, 0.35, 1.0)
    im = Image.fromarray((f * 255).astype(np.uint8), 'L').resize((W, H), Image.BILINEAR)
    return im, shadow


def glare_spot(img, center, radius, peak):
    """Adds a soft white spot: saturated within ~radius/2 when peak > 255."""
    W, H = img.size
    r = int(radius * 2)
    x0, y0 = int(center[0]) - r, int(center[1]) - r
    size = 2 * r + 1
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    d2 = ((xx - r) ** 2 + (yy - r) ** 2) / (radius * radius)
    spot = np.clip(peak * np.exp(-d2 * 1.2), 0, 255).astype(np.uint8)
    sp = Image.fromarray(spot, 'L')
    box = (max(0, x0), max(0, y0), min(W, x0 + size), min(H, y0 + size))
    if box[2] <= box[0] or box[3] <= box[1]:
        return
    sp = sp.crop((box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0))
    region = img.crop(box)
    region = ImageChops.add(region, Image.merge('RGB', (sp, sp, sp)))
    img.paste(region, box[:2])


def motion_blur(img, length, angle):
    """Averages `n` shifted copies along a direction (a box motion kernel)."""
    arr = np.asarray(img, np.uint16)
    n = max(3, min(15, int(length)))
    acc = np.zeros_like(arr, dtype=np.uint16)
    H, W = arr.shape[:2]
    for i in range(n):
        t = (i / (n - 1) - 0.5) * length
        dx, dy = int(round(t * math.cos(angle))), int(round(t * math.sin(angle)))
        acc += np.roll(np.roll(arr, dy, axis=0), dx, axis=1)
    return Image.fromarray((acc // n).astype(np.uint8), 'RGB')


_noise_tiles = {}


def add_noise(img, rng, sigma):
    key = int(sigma * 2)
    tile = _noise_tiles.get(key)
    if tile is None:
        # Seeded by the level alone: a cached tile must not depend on which photo made it first.
        t = np.clip(128 + np.random.default_rng(key).normal(0, max(0.5, key / 2), (256, 256, 3)), 0, 255).astype(np.uint8)
        tile = Image.fromarray(t, 'RGB')
        _noise_tiles[key] = tile
    W, H = img.size
    full = Image.new('RGB', (W, H))
    ox, oy = int(rng.integers(0, 256)), int(rng.integers(0, 256))
    for y in range(-oy, H, 256):
        for x in range(-ox, W, 256):
            full.paste(tile, (x, y))
    return ImageChops.add(img, full, 1.0, -128)


def exposure(img, gain, gamma=1.0, lift=0):
    lut = [int(min(255, max(0, 255 * ((v / 255) ** gamma) * gain + lift))) for v in range(256)]
    return img.point(lut * 3)


# ----------------------------------------------------------- negatives (flat)
def landscape(rnd, rng, W, H):
    w, h = _lowres(W, H, 480)
    im = Image.new('RGB', (w, h))
    d = ImageDraw.Draw(im)
    top, hor = rnd.choice((((70, 130, 210), (200, 220, 240)), ((250, 150, 80), (250, 220, 170)), ((120, 140, 160), (210, 210, 210))))
    horizon = int(h * rnd.uniform(0.4, 0.65))
    for yy in range(horizon):
        t = yy / max(1, horizon)
        d.line((0, yy, w, yy), fill=tuple(int(top[c] * (1 - t) + hor[c] * t) for c in range(3)))
    for layer in range(rnd.randint(2, 4)):
        base = horizon - int(h * rnd.uniform(0.05, 0.25))
        pts = [(0, horizon + 2)]
        x = 0
        while x <= w:
            pts.append((x, base + rnd.uniform(-0.12, 0.12) * h))
            x += w / rnd.randint(4, 9)
        pts.append((w, horizon + 2))
        g = 60 + layer * 25
        d.polygon(pts, fill=(g, g + 15, g + 30))
    ground = rnd.choice(((70, 120, 50), (150, 130, 90), (60, 90, 120)))
    d.rectangle((0, horizon, w, h), fill=ground)
    for _ in range(rnd.randint(0, 12)):
        x, y = rnd.uniform(0, w), rnd.uniform(horizon, h)
        r = rnd.uniform(0.02, 0.06) * h
        d.ellipse((x - r, y - 2 * r, x + r, y), fill=(30, 70, 35))
    arr = np.asarray(im, np.float32) * (0.92 + 0.08 * _smooth_noise(rng, w, h, 40))[..., None]
    return _from_array(arr, W, H)


def wall(rnd, rng, W, H):
    w, h = _lowres(W, H, 128)
    base = np.array(rnd.choice(((235, 232, 225), (220, 225, 230), (240, 240, 240), (200, 190, 170))), np.float32)
    v = (0.85 + 0.15 * _smooth_noise(rng, w, h, 3))[..., None] * base
    im = _from_array(v, W, H)
    if rnd.random() < 0.5:  # a switch plate or a picture frame
        d = ImageDraw.Draw(im)
        s = min(W, H) * rnd.uniform(0.1, 0.4)
        cx, cy = rnd.uniform(0.3, 0.7) * W, rnd.uniform(0.3, 0.7) * H
        if rnd.random() < 0.5:
            d.rounded_rectangle((cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2), radius=int(s * 0.08), fill=(248, 248, 246), outline=(200, 200, 200))
        else:
            d.rectangle((cx - s * 0.7, cy - s / 2, cx + s * 0.7, cy + s / 2), fill=(80, 60, 40))
            d.rectangle((cx - s * 0.6, cy - s * 0.4, cx + s * 0.6, cy + s * 0.4), fill=tuple(rnd.randint(60, 220) for _ in range(3)))
    return im


def form_screenshot(rnd, rng, W, H, cjk, mono):
    """A screenshot of a web form (sharp, flat UI): labels, input boxes, a button."""
    im = Image.new('RGB', (W, H), (245, 246, 248))
    d = ImageDraw.Draw(im)
    bar = max(24, H // 14)
    d.rectangle((0, 0, W, bar), fill=rnd.choice(((30, 90, 200), (40, 40, 48), (200, 40, 40))))
    ppm = H / 150.0
    render.text(d, (4, bar / ppm / 2), 'ICP备案 · 主体信息', cjk, bar / ppm * 0.45, ppm, (255, 255, 255))
    labels = ('主体名称', '证件类型', '证件号码', '通信地址', '负责人姓名', '有效期', '手机号码', '电子邮箱')
    y = bar / ppm + 10
    for lab in labels:
        if y > 140:
            break
        render.text(d, (8, y), lab, cjk, 4, ppm, (60, 60, 60))
        d.rounded_rectangle((40 * ppm, (y - 4) * ppm, min(W - 10, 150 * ppm * W / H * 0.6), (y + 4) * ppm), radius=int(ppm), fill=(255, 255, 255), outline=(200, 200, 205))
        if lab == '证件号码' and rnd.random() < 0.7:
            render.text(d, (42, y), ''.join(str(rnd.randint(0, 9)) for _ in range(17)) + 'X', mono, 3.8, ppm, (30, 30, 30))
        y += 13
    d.rounded_rectangle((40 * ppm, (y) * ppm, 70 * ppm, (y + 8) * ppm), radius=int(ppm), fill=(30, 110, 230))
    return im
