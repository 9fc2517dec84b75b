#!/usr/bin/env python3
"""Generates the image-probe test files in tests/images/ and their manifest.

Hand-written encoders (no Pillow): each file has a valid header and a small
payload — enough for a header probe, not necessarily for a decoder. The
manifest (tests/images/manifest.json) lists, per file, the ImageInfo facts
probeImage must report; `prefixes` entries give the same file cut to N
bytes; `checks` entries are checkImage cases (slot, options, codes).
It is read by tests/image_probe.rs (native) and tests/js/image.test.mjs
(wasm). Re-run after editing:  python3 scripts/gen-test-images.py
The outputs are committed; the tests never run this script.
"""
import json
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'images')
files = {}      # name -> bytes
cases = []      # {file, expect}
prefixes = []   # {file, bytes, expect}
checks = []     # {file, slot, options, codes, ok}


def add(name, data, **expect):
    files[name] = data
    cases.append({'file': name, 'expect': expect})


def display(w, h, o):
    return (h, w) if o >= 5 else (w, h)


def size_facts(w, h, o=1):
    dw, dh = display(w, h, o)
    return dict(width=w, height=h, orientation=o, displayWidth=dw, displayHeight=dh)


# ---------------------------------------------------------------- JPEG
def seg(marker, payload):
    return bytes([0xFF, marker]) + struct.pack('>H', len(payload) + 2) + payload


def tiff_block(order, orientation=None, extra=0, software=None, date_time=None):
    """A TIFF/EXIF block: IFD0 with Orientation, Software and DateTime (each
    optional; the texts stored after the IFD) and (optionally) a MakerNote
    of `extra` bytes stored after them (a stand-in for a big thumbnail)."""
    e = '<' if order == 'II' else '>'
    texts = [(tag, t.encode() + b'\0') for tag, t in ((305, software), (306, date_time)) if t is not None]
    n = (orientation is not None) + len(texts) + (1 if extra else 0)
    ifd_size = 2 + 12 * n + 4
    entries = []
    if orientation is not None:
        entries.append(struct.pack(e + 'HHI', 274, 3, 1) + struct.pack(e + 'H', orientation) + b'\0\0')
    data = b''
    for tag, t in texts:
        entries.append(struct.pack(e + 'HHII', tag, 2, len(t), 8 + ifd_size + len(data)))
        data += t
    if extra:
        entries.append(struct.pack(e + 'HHII', 0x927C, 7, extra, 8 + ifd_size + len(data)))
    head = (b'II*\0' if order == 'II' else b'MM\0*') + struct.pack(e + 'I', 8)
    ifd = struct.pack(e + 'H', len(entries)) + b''.join(entries) + struct.pack(e + 'I', 0)
    return head + ifd + data + bytes((i * 7) & 0x7F for i in range(extra))


def exif(order, orientation, extra=0):
    return seg(0xE1, b'Exif\0\0' + tiff_block(order, orientation, extra))


JFIF = seg(0xE0, b'JFIF\0\x01\x01\0\0\x01\0\x01\0\0')
DQT = seg(0xDB, b'\0' + bytes(range(1, 65)))
DHT = seg(0xC4, b'\0' + bytes([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]) + bytes(range(12)))


def sof(marker, w, h, ids=(1, 2, 3), bits=8):
    comps = b''.join(bytes([c, 0x11, 0]) for c in ids)
    return seg(marker, bytes([bits]) + struct.pack('>HH', h, w) + bytes([len(ids)]) + comps)


def sos(n=3):
    return seg(0xDA, bytes([n]) + b''.join(bytes([i + 1, 0]) for i in range(n)) + b'\0\x3f\0')


SCAN = bytes([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x78]) + b'\xFF\xD9'


def min_scan(segments):
    """Bytes of entropy-coded data a Huffman frame needs at the least (2 bits per 8×8 block
    sequential, 1 progressive; src/image/ends.rs), so that a file is not taken for a
    header with a token scan. Filled with 0x55 (no FF byte)."""
    for s in segments:
        if s[:2] in (b'\xFF\xC0', b'\xFF\xC1', b'\xFF\xC2'):
            h, w, n = struct.unpack('>HHB', s[5:10])
            blocks = n * ((w + 7) // 8) * ((h + 7) // 8)   # every test frame samples 1×1
            return b'\x55' * (blocks * (1 if s[1] == 0xC2 else 2) // 8)
    return b''


def jpeg(*segments, ncomp=3):
    return b'\xFF\xD8' + b''.join(segments) + sos(ncomp) + min_scan(segments) + SCAN


add('jpeg-baseline.jpg', jpeg(JFIF, DQT, sof(0xC0, 1600, 1200), DHT), format='jpeg', **size_facts(1600, 1200),
    colorSpace='ycbcr', progressive=False, compression='baseline', bitDepth=8)
add('jpeg-progressive.jpg', jpeg(JFIF, DQT, sof(0xC2, 1024, 768), DHT), format='jpeg', **size_facts(1024, 768),
    progressive=True, compression='progressive')
add('jpeg-extended-12bit.jpg', jpeg(JFIF, DQT, sof(0xC1, 300, 200, bits=12), DHT), format='jpeg',
    **size_facts(300, 200), compression='extended', bitDepth=12, progressive=False)
add('jpeg-lossless.jpg', jpeg(DQT, sof(0xC3, 320, 240), DHT), format='jpeg', **size_facts(320, 240),
    compression='lossless', progressive=False)
add('jpeg-arithmetic-progressive.jpg', jpeg(JFIF, DQT, sof(0xCA, 200, 100)), format='jpeg',
    **size_facts(200, 100), compression='progressive-arithmetic', progressive=True)
add('jpeg-gray.jpg', jpeg(JFIF, DQT, sof(0xC0, 800, 600, ids=(1,)), DHT, ncomp=1), format='jpeg',
    **size_facts(800, 600), colorSpace='gray')
ADOBE = lambda t: seg(0xEE, b'Adobe' + struct.pack('>HHHB', 100, 0, 0, t))
add('jpeg-cmyk.jpg', jpeg(ADOBE(0), DQT, sof(0xC0, 700, 500, ids=(1, 2, 3, 4)), DHT, ncomp=4), format='jpeg',
    **size_facts(700, 500), colorSpace='cmyk')
add('jpeg-ycck.jpg', jpeg(ADOBE(2), DQT, sof(0xC2, 700, 500, ids=(1, 2, 3, 4)), DHT, ncomp=4), format='jpeg',
    **size_facts(700, 500), colorSpace='ycck', progressive=True)
add('jpeg-adobe-rgb.jpg', jpeg(ADOBE(0), DQT, sof(0xC0, 700, 500, ids=(82, 71, 66)), DHT), format='jpeg',
    **size_facts(700, 500), colorSpace='rgb')
for order in ('II', 'MM'):
    for o in range(1, 9):
        add(f'jpeg-exif-{order}-o{o}.jpg', jpeg(exif(order, o), DQT, sof(0xC0, 400, 300), DHT), format='jpeg',
            **size_facts(400, 300, o))
# A phone photo re-saved by a retouching program, and one straight from a phone (big-endian, date only).
add('jpeg-exif-photoshop.jpg', jpeg(seg(0xE1, b'Exif\0\0' + tiff_block('II', 1, software='Adobe Photoshop 25.0 (Windows)',
                                                                       date_time='2026:09:01 10:20:30')),
                                     DQT, sof(0xC0, 1600, 1200), DHT),
    format='jpeg', exifDate='2026-09-01', software='Adobe Photoshop 25.0 (Windows)', **size_facts(1600, 1200))
add('jpeg-exif-phone-MM.jpg', jpeg(seg(0xE1, b'Exif\0\0' + tiff_block('MM', 6, software='iOS 17.1', date_time='2026:11:25 09:00:00')),
                                   DQT, sof(0xC0, 1600, 1200), DHT),
    format='jpeg', exifDate='2026-11-25', software='iOS 17.1', **size_facts(1600, 1200, 6))
add('jpeg-exif-blank-date.jpg', jpeg(seg(0xE1, b'Exif\0\0' + tiff_block('II', 1, date_time='0000:00:00 00:00:00')),
                                     DQT, sof(0xC0, 1600, 1200), DHT),
    format='jpeg', exifDate=None, software=None, **size_facts(1600, 1200))
add('jpeg-exif-orientation-out-of-range.jpg', jpeg(exif('II', 9), DQT, sof(0xC0, 400, 300), DHT),
    format='jpeg', **size_facts(400, 300, 1))
# A big EXIF block (as a camera thumbnail + maker notes) and an ICC profile push the SOF past 64 KiB.
big = jpeg(exif('MM', 6, extra=65000), seg(0xE2, b'ICC_PROFILE\0\x01\x01' + bytes(9000)), DQT,
           sof(0xC0, 1600, 1200), DHT)
sof_at = big.index(b'\xFF\xC0')
add("jpeg-large-exif.jpg", big, format="jpeg", **size_facts(1600, 1200, 6))
prefixes.append({'file': 'jpeg-large-exif.jpg', 'bytes': 65536,
                 'expect': {'format': 'jpeg', 'orientation': 6, 'needBytes': big.index(DQT) + 4, 'width': None}})
prefixes.append({'file': 'jpeg-large-exif.jpg', 'bytes': sof_at + 4,
                 'expect': {'format': 'jpeg', 'needBytes': sof_at + 10, 'width': None}})
# Fill bytes (FF FF FF) before markers and junk between segments (incl. a stuffed FF 00).
add('jpeg-fill-bytes.jpg', b'\xFF\xD8' + b'\xFF\xFF' + JFIF + b'\xFF\xFF\xFF' + DQT + b'\xFF' + sof(0xC0, 123, 45)
    + sos() + SCAN, format='jpeg', **size_facts(123, 45))
add('jpeg-junk-between-segments.jpg', b'\xFF\xD8' + JFIF + b'\x00\x01junk\xFF\x00more' + DQT + sof(0xC0, 321, 654)
    + sos() + SCAN, format='jpeg', **size_facts(321, 654))
add('jpeg-rst-markers.jpg', b'\xFF\xD8' + JFIF + b'\xFF\xD0\xFF\x01' + sof(0xC2, 50, 60) + sos() + SCAN,
    format='jpeg', **size_facts(50, 60))
# Corrupt lengths and orders.
add('jpeg-corrupt-length.jpg', b'\xFF\xD8' + JFIF + b'\xFF\xDB\x00\x01' + bytes(70) + sof(0xC0, 10, 10),
    format='jpeg', invalid='corrupt', width=None)
add('jpeg-sof-too-short.jpg', b'\xFF\xD8' + JFIF + b'\xFF\xC0\x00\x08\x08\x00\x10\x00\x10\x03' + bytes(20),
    format='jpeg', invalid='corrupt', width=None)
add('jpeg-sos-before-sof.jpg', b'\xFF\xD8' + JFIF + sos() + SCAN, format='jpeg', invalid='corrupt', width=None)
add('jpeg-zero-height.jpg', jpeg(JFIF, DQT, sof(0xC0, 640, 0), DHT), format='jpeg', invalid='zero_size',
    width=None)
add('jpeg-huge-exif-length.jpg', b'\xFF\xD8' + b'\xFF\xE1\xFF\xFF' + b'Exif\0\0' + tiff_block('II', 3),
    format='jpeg', orientation=3, needBytes=2 + 2 + 0xFFFF + 4, width=None)


# ---------------------------------------------------------------- PNG
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(w, h, depth=8, color=2, interlace=0, extra=b'', ihdr_len=13, real=False):
    ihdr = struct.pack('>IIBBBBB', w, h, depth, color, 0, 0, interlace)
    if ihdr_len != 13:
        ihdr = ihdr[:ihdr_len]
    chans = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
    if real:
        row = b'\0' + bytes((x * 37) & 0xFF for x in range(w * chans * depth // 8))
        idat = zlib.compress(row * h, 9)
    else:
        idat = zlib.compress(b'\0' * 16)
    plte = chunk(b'PLTE', bytes(range(12))) if color == 3 else b''
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + extra + plte + chunk(b'IDAT', idat)
            + chunk(b'IEND', b''))


add('png-rgb.png', png(800, 600, real=False), format='png', **size_facts(800, 600), colorSpace='rgb',
    alpha=False, bitDepth=8, progressive=False, animated=False)
add('png-rgba-real.png', png(16, 8, color=6, real=True), format='png', **size_facts(16, 8), colorSpace='rgb',
    alpha=True)
add('png-gray16.png', png(640, 640, depth=16, color=0), format='png', **size_facts(640, 640), colorSpace='gray',
    bitDepth=16)
add('png-gray-alpha.png', png(10, 20, color=4), format='png', colorSpace='gray', alpha=True)
add('png-indexed.png', png(100, 50, depth=4, color=3), format='png', colorSpace='indexed', bitDepth=4)
add('png-interlaced.png', png(1200, 900, interlace=1), format='png', progressive=True, **size_facts(1200, 900))
add('png-apng.png', png(300, 300, color=6, extra=chunk(b'acTL', struct.pack('>II', 3, 0))), format='png',
    animated=True)
add('png-zero-width.png', png(0, 600), format='png', invalid='zero_size', width=None, height=None)
# eXIf (PNG 1.5 extension): headless Chromium rotates a PNG by it when it comes before IDAT and
# ignores it after IDAT (checked 2026-11-28 with img.naturalWidth and createImageBitmap).
add('png-exif-II-o6.png', png(800, 600, extra=chunk(b'eXIf', tiff_block('II', 6))), format='png',
    **size_facts(800, 600, 6))
add('png-exif-MM-o8.png', png(640, 480, extra=chunk(b'eXIf', tiff_block('MM', 8))), format='png',
    **size_facts(640, 480, 8))
_iend = chunk(b'IEND', b'')
add('png-exif-date.png', png(800, 600, extra=chunk(b'eXIf', tiff_block('MM', 1, date_time='2025:12:31 23:59:59'))),
    format='png', exifDate='2025-12-31')
add('png-exif-after-idat.png', png(800, 600)[:-len(_iend)] + chunk(b'eXIf', tiff_block('II', 6)) + _iend,
    format='png', **size_facts(800, 600, 1))
add('png-apng-exif.png', png(300, 200, color=6, extra=chunk(b'acTL', struct.pack('>II', 3, 0))
                             + chunk(b'eXIf', tiff_block('II', 5))),
    format='png', animated=True, **size_facts(300, 200, 5))
add('png-exif-after-big-text.png',
    png(1200, 900, extra=chunk(b'tEXt', b'Comment\0' + b'x' * 70000) + chunk(b'eXIf', tiff_block('II', 6))),
    format='png', **size_facts(1200, 900, 6))
# Cut inside the text chunk: the next chunk header (where an eXIf may be) is asked for.
prefixes.append({'file': 'png-exif-after-big-text.png', 'bytes': 65536,
                 'expect': {'format': 'png', 'width': 1200, 'orientation': 1, 'needBytes': 33 + 12 + 70008 + 8}})

add('png-absurd-size.png', png(3_000_000, 10), format='png', invalid='absurd_size', width=None)
add('png-max-int.png', png(0xFFFFFFFF, 0xFFFFFFFF), format='png', invalid='absurd_size', width=None)
add('png-bad-ihdr-length.png', png(100, 100, ihdr_len=12), format='png', invalid='corrupt', width=None)
add('png-bad-depth.png', png(100, 100, depth=3, color=2), format='png', invalid='corrupt', width=None)
add('png-first-chunk-not-ihdr.png', b'\x89PNG\r\n\x1a\n' + chunk(b'gAMA', b'\0\0\xb1\x8f') + bytes(20),
    format='png', invalid='corrupt')


# ---------------------------------------------------------------- GIF
def gif(w, h, frames=1, version=b'89a', gct=True):
    out = b'GIF' + version + struct.pack('<HHBBB', w, h, 0xF1 if gct else 0x70, 0, 0)
    if gct:
        out += bytes(range(12))  # 4 colours
    for _ in range(frames):
        if version == b'89a':
            out += b'\x21\xF9\x04\x04\x0A\x00\x00\x00'  # graphic control extension
        out += b'\x2C' + struct.pack('<HHHHB', 0, 0, w, h, 0) + b'\x02\x02\x4C\x01\x00'
    return out + b'\x3B'


add('gif87a.gif', gif(120, 80, version=b'87a'), format='gif', **size_facts(120, 80), animated=False,
    colorSpace='indexed')
add('gif89a-animated.gif', gif(64, 48, frames=3), format='gif', **size_facts(64, 48), animated=True)
add('gif-no-gct.gif', gif(5, 7, gct=False), format='gif', **size_facts(5, 7), animated=False)
add('gif-zero.gif', gif(0, 7), format='gif', invalid='zero_size')


# ---------------------------------------------------------------- BMP
def bmp(w, h, bpp=24, core=False):
    if core:
        dib = struct.pack('<IHHHH', 12, w, h, 1, bpp)
    else:
        dib = struct.pack('<IiiHHIIiiII', 40, w, h, 1, bpp, 0, 0, 2835, 2835, 0, 0)
    pixels = bytes(64)
    return b'BM' + struct.pack('<IHHI', 14 + len(dib) + len(pixels), 0, 0, 14 + len(dib)) + dib + pixels


add('bmp-bottom-up.bmp', bmp(120, 80), format='bmp', **size_facts(120, 80), topDown=False, colorSpace='rgb')
add('bmp-top-down.bmp', bmp(120, -80), format='bmp', **size_facts(120, 80), topDown=True)
add('bmp-os2-core.bmp', bmp(33, 44, bpp=8, core=True), format='bmp', **size_facts(33, 44), colorSpace='indexed')
add('bmp-negative-width.bmp', bmp(-5, 5), format='bmp', invalid='corrupt', width=None)
add('bmp-bad-header-size.bmp', b'BM' + bytes(12) + struct.pack('<I', 7) + bytes(40), format='bmp',
    invalid='corrupt')


# ---------------------------------------------------------------- WebP
def riff(*chunks):
    body = b'WEBP' + b''.join(chunks)
    return b'RIFF' + struct.pack('<I', len(body)) + body


def wchunk(kind, data):
    return kind + struct.pack('<I', len(data)) + data + (b'\0' if len(data) % 2 else b'')


def vp8(w, h):
    return wchunk(b'VP8 ', b'\x50\x02\x00' + b'\x9D\x01\x2A' + struct.pack('<HH', w, h) + bytes(12))


def vp8l(w, h, alpha=True):
    bits = (w - 1) | ((h - 1) << 14) | ((1 if alpha else 0) << 28)
    return wchunk(b'VP8L', b'\x2F' + struct.pack('<I', bits) + bytes(8))


def vp8x(w, h, flags):
    return wchunk(b'VP8X', bytes([flags, 0, 0, 0]) + (w - 1).to_bytes(3, 'little') + (h - 1).to_bytes(3, 'little'))


add('webp-lossy.webp', riff(vp8(550, 368)), format='webp', **size_facts(550, 368), compression='lossy',
    alpha=False, animated=False)
add('webp-lossless.webp', riff(vp8l(386, 395)), format='webp', **size_facts(386, 395), compression='lossless',
    alpha=True)
add('webp-extended-alpha.webp', riff(vp8x(1000, 700, 0x10), wchunk(b'ALPH', bytes(10)), vp8(1000, 700)),
    format='webp', **size_facts(1000, 700), alpha=True, animated=False)
add('webp-extended-exif.webp',
    riff(vp8x(3000, 2000, 0x08), vp8(3000, 2000), wchunk(b'EXIF', tiff_block('II', 6))),
    format='webp', **size_facts(3000, 2000, 6))
add('webp-extended-exif-prefix.webp',
    riff(vp8x(300, 200, 0x08), vp8(300, 200), wchunk(b'EXIF', b'Exif\0\0' + tiff_block('MM', 8))),
    format='webp', **size_facts(300, 200, 8))
add('webp-animated.webp', riff(vp8x(400, 400, 0x02 | 0x10), wchunk(b'ANIM', bytes(6))), format='webp',
    animated=True, **size_facts(400, 400))
exif_webp = riff(vp8x(3000, 2000, 0x08), wchunk(b'VP8 ', bytes(70000)), wchunk(b'EXIF', tiff_block('II', 5)))
add('webp-exif-after-big-image.webp', exif_webp, format='webp', **size_facts(3000, 2000, 5))
prefixes.append({'file': 'webp-exif-after-big-image.webp', 'bytes': 65536,
                 'expect': {'format': 'webp', 'width': 3000, 'needBytes': 12 + 18 + 8 + 70000 + 8}})
add('webp-vp8-not-keyframe.webp', riff(wchunk(b'VP8 ', b'\x51\x02\x00' + b'\x9D\x01\x2A' + bytes(16))),
    format='webp', invalid='corrupt')


# ---------------------------------------------------------------- HEIF / AVIF
def box(kind, data):
    return struct.pack('>I', len(data) + 8) + kind + data


def fullbox(kind, version, flags, data):
    return box(kind, bytes([version]) + flags.to_bytes(3, 'big') + data)


def ftyp(major, *compat):
    return box(b'ftyp', major + b'\0\0\0\0' + b''.join(compat))


def ispe(w, h):
    return fullbox(b'ispe', 0, 0, struct.pack('>II', w, h))


def heif(major, compat, props, assoc, primary=1, before_meta=b''):
    """props: list of property boxes (ipco order); assoc: {item: [1-based indices]}."""
    entries = b''
    for item, idx in assoc.items():
        entries += struct.pack('>HB', item, len(idx)) + bytes(0x80 | i for i in idx)
    ipma = fullbox(b'ipma', 0, 0, struct.pack('>I', len(assoc)) + entries)
    meta = fullbox(b'meta', 0, 0,
                   fullbox(b'hdlr', 0, 0, b'\0\0\0\0pict' + bytes(12) + b'\0')
                   + fullbox(b'pitm', 0, 0, struct.pack('>H', primary))
                   + box(b'iprp', box(b'ipco', b''.join(props)) + ipma))
    return ftyp(major, *compat) + before_meta + meta + box(b'mdat', bytes(100))


add('heic-plain.heic', heif(b'heic', [b'mif1', b'heic'], [ispe(4032, 3024)], {1: [1]}), format='heic',
    **size_facts(4032, 3024))
add('heic-irot-270.heic', heif(b'heic', [b'mif1', b'heic'], [ispe(4032, 3024), box(b'irot', b'\x03')], {1: [1, 2]}),
    format='heic', **size_facts(4032, 3024, 6))
add('heic-grid.heic', heif(b'heic', [b'mif1', b'heic'],
                           [ispe(512, 512), box(b'hvcC', bytes(20)), ispe(4032, 3024), box(b'irot', b'\x01')],
                           {2: [1, 2], 3: [1, 2], 1: [3, 4]}), format='heic', **size_facts(4032, 3024, 8))
add('heif-mif1-only.heif', heif(b'mif1', [b'mif1'], [ispe(640, 480)], {1: [1]}), format='heic',
    **size_facts(640, 480))
add('avif-plain.avif', heif(b'avif', [b'mif1', b'avif', b'miaf'], [ispe(1920, 1080)], {1: [1]}), format='avif',
    **size_facts(1920, 1080))
add('avif-irot-imir.avif', heif(b'avif', [b'avif'], [ispe(600, 400), box(b'irot', b'\x01'), box(b'imir', b'\x00')],
                                {1: [1, 2, 3]}), format='avif', **size_facts(600, 400, 7))
add('avif-imir-vertical.avif', heif(b'avif', [b'avif'], [ispe(600, 400), box(b'imir', b'\x01')], {1: [1, 2]}),
    format='avif', **size_facts(600, 400, 4))
add('avif-no-ipma.avif', ftyp(b'avif', b'avif') + fullbox(b'meta', 0, 0, box(b'iprp', box(b'ipco',
    ispe(64, 64) + ispe(2048, 1536)))), format='avif', **size_facts(2048, 1536))
late = heif(b'heic', [b'mif1', b'heic'], [ispe(4032, 3024)], {1: [1]}, before_meta=box(b'free', bytes(70000)))
add('heic-meta-after-70k.heic', late, format='heic', **size_facts(4032, 3024))
prefixes.append({'file': 'heic-meta-after-70k.heic', 'bytes': 65536,
                 'expect': {'format': 'heic', 'width': None, 'needBytes': len(ftyp(b'heic', b'mif1', b'heic')) + 70008 + 16}})
add('mp4-not-image.mp4', ftyp(b'isom', b'isom', b'mp41') + box(b'mdat', bytes(30)), format='unknown')


# ---------------------------------------------------------------- TIFF
def tiff(order, w, h, photometric=2, orientation=1, ifd_at_end=False):
    e = '<' if order == 'II' else '>'
    tags = [(256, 4, w), (257, 4, h), (258, 3, 8), (262, 3, photometric), (274, 3, orientation)]
    data = bytes(200)
    ifd_off = 8 + len(data) if ifd_at_end else 8
    ifd = struct.pack(e + 'H', len(tags))
    for tag, ty, v in tags:
        ifd += struct.pack(e + 'HHI', tag, ty, 1) + (struct.pack(e + 'HH', v, 0) if ty == 3 else struct.pack(e + 'I', v))
    ifd += struct.pack(e + 'I', 0)
    head = (b'II*\0' if order == 'II' else b'MM\0*') + struct.pack(e + 'I', ifd_off)
    return head + (data + ifd if ifd_at_end else ifd + data)


add('tiff-le-rgb-o8.tif', tiff('II', 300, 200, 2, 8), format='tiff', **size_facts(300, 200, 8), colorSpace='rgb',
    bitDepth=8)
add('tiff-be-gray.tif', tiff('MM', 2480, 3508, 1), format='tiff', **size_facts(2480, 3508), colorSpace='gray')
add('tiff-ifd-at-end.tif', tiff('II', 1000, 800, 5, ifd_at_end=True), format='tiff', **size_facts(1000, 800),
    colorSpace='cmyk')
prefixes.append({'file': 'tiff-ifd-at-end.tif', 'bytes': 100,
                 'expect': {'format': 'tiff', 'width': None, 'needBytes': 8 + 200 + 2}})
add('tiff-bad-ifd-offset.tif', b'II*\0' + struct.pack('<I', 3) + bytes(30), format='tiff', invalid='corrupt')
add('bigtiff.tif', b'II+\0\x08\0\0\0' + bytes(32), format='tiff', compression='bigtiff')

# ---------------------------------------------------------------- PDF and others
add('doc.pdf', b'%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\n', format='pdf', version='1.7')
add('text.txt', b'hello, this is not an image\n', format='unknown', width=None, needBytes=None)
add('zip.zip', b'PK\x03\x04' + bytes(40), format='unknown', needBytes=None)
add('empty.bin', b'', format='unknown', needBytes=16)

# ---------------------------------------------------------------- cut-off and impossible files (issues 16, 17)
# A bad IHDR checksum: decoders refuse the file (a critical chunk's CRC).
_ok = png(800, 600)
add('png-bad-ihdr-crc.png', _ok[:29] + bytes([_ok[29] ^ 0x55]) + _ok[30:], format='png', invalid='corrupt', width=None)
# A chunk claiming 4 GiB (over PNG's 2^31-1) and no image data.
add('png-4gib-chunk.png', png(800, 600)[:33] + struct.pack('>I', 0xFFFFFFFF) + b'tEXt' + b'Comment\0' + bytes(30),
    format='png', invalid='corrupt', width=800)
# A legal but huge chunk the file does not hold: the next chunk header is asked for.
add('png-huge-chunk-no-data.png', png(800, 600)[:33] + struct.pack('>I', 0x7FFFFFF0) + b'tEXt' + bytes(30),
    format='png', width=800, needBytes=33 + 8 + 0x7FFFFFF0 + 4 + 8)
# Real pixel data cut off inside IDAT, and a whole image without its IEND chunk.
_real = png(900, 700, real=True)
add('png-cut-in-idat.png', _real[:_real.index(b'IDAT') + 40], format='png', **size_facts(900, 700))
add('png-no-iend.png', _real[:-12], format='png', **size_facts(900, 700))
# 1,000,000 × 600,000 in under 100 bytes: a decompression bomb.
add('png-bomb.png', png(1_000_000, 600_000), format='png', width=1_000_000, height=600_000)
# A JPEG cut off inside its scan (a broken download), and a header with a token scan
# (browsers draw it flat gray): both incomplete.
_full = jpeg(JFIF, DQT, sof(0xC0, 1600, 1200), DHT)
add('jpeg-cut-in-scan.jpg', _full[:len(_full) * 2 // 3], format='jpeg', **size_facts(1600, 1200))
add('jpeg-header-only.jpg', b'\xFF\xD8' + JFIF + DQT + sof(0xC0, 1600, 1200) + DHT + sos() + SCAN,
    format='jpeg', **size_facts(1600, 1200))
# Complete, then 70 KB of other data (a phone's appended video): no EOI in the last 64 KiB, not cut off.
_rng = 12345
_video = bytearray()
for _ in range(70000):
    _rng = (_rng * 1103515245 + 12345) & 0x7FFFFFFF
    _video.append((_rng >> 16) & 0xFF)
add('jpeg-trailing-data.jpg', _full + b'\0\0\0\x18ftypmp42' + bytes(_video), format='jpeg', **size_facts(1600, 1200))

# ---------------------------------------------------------------- checkImage cases
MiB = 1 << 20
checks += [
    {'file': 'jpeg-baseline.jpg', 'slot': 'businessLicense', 'options': {'fileName': 'licence.jpg'},
     'codes': [], 'ok': True},
    {'file': 'jpeg-baseline.jpg', 'slot': 'idCardFront', 'options': {'fileName': 'id.JPG'},
     'codes': [], 'ok': True},
    {'file': 'jpeg-exif-II-o6.jpg', 'slot': 'idCardFront', 'options': {},
     'codes': ['image.too_small', 'image.not_landscape', 'image.rotated'], 'ok': True,
     'params': {'image.rotated': {'width': '300', 'height': '400', 'orientation': '6'},
                'image.too_small': {'min': '600'}}},
    {'file': 'heic-plain.heic', 'slot': 'idCardFront', 'options': {'fileName': 'IMG_0001.HEIC', 'fileSize': 2 * MiB},
     'codes': ['image.heic', 'image.reencoded'], 'ok': False},
    {'file': 'png-rgb.png', 'slot': 'domainCertificate', 'options': {'fileName': 'cert.jpg', 'fileSize': 150 * 1024},
     'codes': ['image.extension_mismatch', 'image.file_too_small'], 'ok': True,
     'params': {'image.file_too_small': {'size': '150.0 KiB', 'min': '200 KiB'}}},
    {'file': 'jpeg-progressive.jpg', 'slot': 'other', 'options': {'fileSize': 5 * MiB + 300 * 1024},
     'codes': ['image.file_too_large'], 'ok': True,
     'params': {'image.file_too_large': {'size': '5.3 MiB', 'max': '4 MiB'}}},
    {'file': 'jpeg-gray.jpg', 'slot': 'businessLicense', 'options': {}, 'codes': ['image.grayscale_file'],
     'ok': False},
    {'file': 'jpeg-gray.jpg', 'slot': 'authorizationLetter', 'options': {}, 'codes': [], 'ok': True},
    {'file': 'doc.pdf', 'slot': 'authorizationLetter', 'options': {'fileName': 'letter.pdf'},
     'codes': ['image.format_not_accepted'], 'ok': False},
    {'file': 'text.txt', 'slot': 'other', 'options': {}, 'codes': ['image.unknown_format'], 'ok': False},
    {'file': 'empty.bin', 'slot': 'other', 'options': {}, 'codes': ['image.empty'], 'ok': False},
    {'file': 'png-zero-width.png', 'slot': 'other', 'options': {}, 'codes': ['image.corrupt'], 'ok': False},
    {'file': 'jpeg-large-exif.jpg', 'slot': 'handheldId', 'bytes': 65536,
     'options': {'fileSize': len(big)}, 'codes': ['image.need_bytes'], 'ok': True},
    {'file': 'jpeg-large-exif.jpg', 'slot': 'handheldId', 'bytes': 65536, 'options': {},
     'codes': ['image.truncated'], 'ok': False},
    {'file': 'jpeg-large-exif.jpg', 'slot': 'idCardBack', 'options': {},
     'codes': ['image.not_landscape', 'image.rotated'], 'ok': True},
    {'file': 'webp-lossy.webp', 'slot': 'other', 'options': {'fileName': 'a.webp'},
     'codes': ['image.format_not_accepted', 'image.too_small'], 'ok': False},
    # EXIF: a verification photo from September filed in late November, re-saved by Photoshop.
    {'file': 'jpeg-exif-photoshop.jpg', 'slot': 'verificationPhoto', 'options': {'today': '2026-11-28'},
     'codes': ['image.photo_old', 'image.edited'], 'ok': True,
     'params': {'image.photo_old': {'date': '2026-09-01', 'days': '88'},
                'image.edited': {'software': 'Adobe Photoshop 25.0 (Windows)'}}},
    # a business licence has no freshness rule, but retouching still counts
    {'file': 'jpeg-exif-photoshop.jpg', 'slot': 'businessLicense', 'options': {'today': '2026-11-28'},
     'codes': ['image.edited'], 'ok': True},
    # three days old, from a phone: nothing to say (and rotated: the handheld photo is shown upright)
    {'file': 'jpeg-exif-phone-MM.jpg', 'slot': 'handheldId', 'options': {'today': '2026-11-28'},
     'codes': ['image.rotated'], 'ok': True},
    {'file': 'jpeg-exif-blank-date.jpg', 'slot': 'verificationPhoto', 'options': {'today': '2026-11-28'},
     'codes': [], 'ok': True},
    {'file': 'png-apng.png', 'slot': 'verificationPhoto', 'options': {'fileName': 'x.png'},
     'codes': ['image.too_small'], 'ok': True},    {'file': 'png-exif-II-o6.png', 'slot': 'idCardFront', 'options': {'fileName': 'front.png'},
     'codes': ['image.not_landscape', 'image.rotated'], 'ok': True,
     'params': {'image.rotated': {'width': '600', 'height': '800', 'orientation': '6'}}},
    # Issue 17 item 14 and issue 16 item 3: bad checksums, impossible chunks, cut-off files.
    {'file': 'png-bad-ihdr-crc.png', 'slot': 'other', 'options': {}, 'codes': ['image.corrupt'], 'ok': False},
    {'file': 'png-4gib-chunk.png', 'slot': 'other', 'options': {}, 'codes': ['image.corrupt'], 'ok': False},
    {'file': 'png-huge-chunk-no-data.png', 'slot': 'other', 'options': {}, 'codes': ['image.truncated'], 'ok': False},
    {'file': 'png-cut-in-idat.png', 'slot': 'other', 'options': {}, 'codes': ['image.truncated'], 'ok': False},
    {'file': 'png-no-iend.png', 'slot': 'other', 'options': {}, 'codes': ['image.truncated'], 'ok': False},
    {'file': 'png-bomb.png', 'slot': 'other', 'options': {}, 'codes': ['image.too_many_pixels'], 'ok': False,
     'params': {'image.too_many_pixels': {'width': '1000000', 'height': '600000', 'max': '100'}}},
    {'file': 'jpeg-cut-in-scan.jpg', 'slot': 'other', 'options': {}, 'codes': ['image.truncated'], 'ok': False},
    {'file': 'jpeg-header-only.jpg', 'slot': 'other', 'options': {}, 'codes': ['image.truncated'], 'ok': False},
    {'file': 'jpeg-trailing-data.jpg', 'slot': 'other', 'options': {}, 'codes': [], 'ok': True},
    # Only the first 64 KiB, with the real size: nothing can be said about the end (no tail given).
    {'file': 'jpeg-cut-in-scan.jpg', 'slot': 'other', 'bytes': 1000, 'options': {'fileSize': 15000},
     'codes': [], 'ok': True},
]

os.makedirs(OUT, exist_ok=True)
for name in os.listdir(OUT):
    if name != 'README.md':
        os.remove(os.path.join(OUT, name))
for name, data in files.items():
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)
manifest = {
    '_doc': 'Generated by scripts/gen-test-images.py — do not edit. cases: probeImage(file) must report '
            'every key of expect (null = key absent). prefixes: the file cut to `bytes`. checks: checkImage '
            '(slot, file or its first `bytes`, options) must give exactly `codes`, `ok`, and the listed params.',
    'cases': cases, 'prefixes': prefixes, 'checks': checks}
with open(os.path.join(OUT, 'manifest.json'), 'w') as f:
    json.dump(manifest, f, indent=1, ensure_ascii=False)
    f.write('\n')
print(f'{len(files)} files, {sum(len(d) for d in files.values())} bytes, {len(cases)} cases, '
      f'{len(prefixes)} prefixes, {len(checks)} checks')
