#!/usr/bin/env python3
"""Generates src/site/idna.bin, the code-point classes of the domain check's
UTS #46 subset (src/site/idna.rs), from Unicode data:

- UTS #46 status (valid / mapped / ignored / disallowed, deviation as valid:
  nontransitional processing, as browsers do) from the `idna` PyPI package's
  uts46data (IdnaMappingTable.txt of the Unicode version it names);
- general category, bidi class and canonical combining class from Python's
  unicodedata (Unicode 14.0 with Python 3.11), and the characters that can
  be the second of a canonical composition (NFC_Quick_Check = Maybe).

Usage: pip install idna==3.13 && python3 scripts/gen-idna.py
Output: the runs of code points of one class from U+0000 to U+10FFFF: their
lengths as varints, then their classes, a byte each (see pack()). The classes are documented in src/site/idna.rs.
"""
import bisect
import os
import sys
import unicodedata as ud

from idna.uts46data import uts46data
from idna import package_data

DISALLOWED, L, MC, NSM, RTL, AN, EN, OTHER, MAPPED, IGNORED, VIRAMA, CCC, UNVERIFIED, COMPOSES, JOINER = range(15)

starts = [r[0] for r in uts46data]

def status(cp):
    return uts46data[bisect.bisect_right(starts, cp) - 1][1]

# Second characters of primary composites (NFC_QC = Maybe).
composes = set()
for cp in range(0x110000):
    d = ud.decomposition(chr(cp))
    if not d or d.startswith('<'):
        continue
    parts = [int(x, 16) for x in d.split()]
    if len(parts) == 2 and ud.normalize('NFC', chr(parts[0]) + chr(parts[1])) == chr(cp):
        composes.add(parts[1])
# Hangul syllables compose algorithmically (not in the decomposition data):
# a V jamo after an L jamo, a T jamo after an LV syllable.
composes.update(range(0x1161, 0x1176), range(0x11A8, 0x11C3))

# Every code point is classified (measured: keeping full classes only in
# the blocks a Chinese filing meets and storing the rest as valid-unverified
# or disallowed saved 430 B gzip of 2,581 B, and let ~90 more conformance
# lines that UTS #46 refuses pass with a warning only: not worth it).
def cls(cp):
    return full_cls(cp)

def full_cls(cp):
    s = status(cp)
    if s in 'M':
        return MAPPED
    if s == 'I':
        return IGNORED
    if s not in 'VD':
        return DISALLOWED
    if cp in (0x200C, 0x200D):
        return JOINER
    c = chr(cp)
    cat = ud.category(c)
    if cat == 'Cn':
        return UNVERIFIED  # assigned after the unicodedata version
    # Outside the BMP only the CJK ideograph planes are classified; the
    # rest (historic scripts, Adlam, Osage, …) is valid but unverified here.
    if cp > 0xFFFF and not (0x20000 <= cp <= 0x3FFFF):
        return UNVERIFIED
    if cp in composes:
        return COMPOSES
    ccc = ud.combining(c)
    bidi = ud.bidirectional(c)
    if ccc == 9:
        return VIRAMA
    if ccc:
        return CCC
    if cat[0] == 'M':
        if bidi == 'NSM':
            return NSM
        if bidi == 'L':
            return MC
        return UNVERIFIED
    if bidi == 'L':
        return L
    if bidi in ('R', 'AL'):
        return RTL
    if bidi == 'AN':
        return AN
    if bidi == 'EN':
        return EN
    if bidi in ('ES', 'CS', 'ET', 'ON', 'BN'):
        return OTHER
    return UNVERIFIED

def varint(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return out

runs = []
prev = None
for cp in range(0x110000):
    k = cls(cp)
    if k != prev:
        runs.append([cp, k])
        prev = k
def pack(runs):
    """The run lengths as varints (they sum to 0x110000), then one byte per
    run with its class: two streams gzip 8% smaller than one varint of
    (length << 4) | class per run (measured: 2,358 B against 2,569 B)."""
    out = bytearray()
    for i, (a, k) in enumerate(runs):
        b = runs[i + 1][0] if i + 1 < len(runs) else 0x110000
        out += varint(b - a)
    return out + bytes(k for _, k in runs)

out = pack(runs)
path = os.path.join(os.path.dirname(__file__), '..', 'src', 'site', 'idna.bin')
open(path, 'wb').write(out)
print(f'{len(runs)} runs, {len(out)} bytes; UTS #46 data {package_data.__version__} '
      f'(mapping table {sys.modules["idna.uts46data"].__version__}), unicodedata {ud.unidata_version}')

# The script table of the mixed-script warning (UTS #39 §5.1): a script
# id per code point from Perl's Unicode::UCD Script_Extensions (Unicode 14
# with Perl 5.36). 0: Common, Inherited, or several scripts (ignored).
# The scripts told apart are those look-alike domains are made of and the
# CJK ones; every other script is one group (OTHER). Code points that are
# not valid in a domain (the checks refuse them first) take the id of the
# run before them, so they cost no run.
import subprocess
SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Cherokee',
           'Hebrew', 'Arabic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo']
OTHER_SCRIPT = len(SCRIPTS) + 1
inv = subprocess.run(['perl', '-e', '''
use Unicode::UCD qw(prop_invmap);
my ($list, $map) = prop_invmap("Script_Extensions");
for my $i (0..$#$list) { my $m = $map->[$i]; $m = join(",", @$m) if ref $m; printf "%X\\t%s\\n", $list->[$i], $m; }
'''], capture_output=True, text=True, check=True).stdout.split('\n')
inv = [(int(a, 16), m) for a, m in (l.split('\t') for l in inv if l)]
inv_starts = [a for a, _ in inv]

def script_id(cp):
    m = inv[bisect.bisect_right(inv_starts, cp) - 1][1]
    if m in ('Common', 'Inherited', 'Unknown') or ',' in m:
        return 0
    return SCRIPTS.index(m) + 1 if m in SCRIPTS else OTHER_SCRIPT

sruns = []
for cp in range(0x110000):
    if full_cls(cp) in (DISALLOWED, MAPPED, IGNORED):
        continue  # never reaches the mixed-script check
    k = script_id(cp)
    if sruns and sruns[-1][1] == k:
        continue
    sruns.append([cp, k])
sout = pack(sruns)
open(os.path.join(os.path.dirname(__file__), '..', 'src', 'site', 'scripts.bin'), 'wb').write(sout)
print(f'scripts: {len(sruns)} runs, {len(sout)} bytes')
