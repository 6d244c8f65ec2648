#!/usr/bin/env python3
"""Re-derives the corner-patch centres ChartFinderTests.HandPlacedCentres gives for the two real Passport photos, without
the hand: each patch is read from a tight whole-pixel crop of the photo (ImageMagick `convert`, the exact commands are
printed), and its centre computed from the pixels. Run from the repository root:
    python3 data/derive/chart-patch-centres.py > data/derive/chart-patch-centres.txt
Needs ImageMagick's `convert` and Python 3 (standard library only). Not part of the test run.

Method, per patch: the crop holds the whole patch with a margin of the chart's dark surround and nothing of the patches
next to it. The patch colour is the median RGB of the crop's middle 5 x 5 pixels, the surround's the median of the crop's
outermost ring. Each pixel's membership m = 1 - |v - patch| / |surround - patch|, clamped to 0..1, is 1 on the patch, 0
on the surround and fractional on the edge pixels the patch covers in part (so a leaf, a neighbour or a bezel of another
colour counts 0). Coordinates are continuous pixels: pixel i covers [i, i+1], its centre is i + 0.5 (the convention of
the test's corners, which are normalised positions times the photo's width and height).
  centroid: the membership-weighted mean position;
  edges: along a band through the patch, the mean membership per column (row); walking out from the crop's middle,
         each edge is where it falls through one half (a pixel the patch half covers), between pixel centres linearly.
         The centre is the middle between the edges, as the hand placed it.
A patch partly covered (the leaf photo's dark skin) is placed by its visible right and bottom edges and the width and
height of the patch below it in the same column (bluish green), as the hand did; its centroid is not a centre and is
not used.
"""
import subprocess
import sys

CHARTS = "tests/SmpShade.Api.Tests/Images/Charts/"
BOOTH = CHARTS + "plantcv_booth_colorchecker-passport_small_frontal_source1.png"
LEAF = CHARTS + "plantcv_xrite-passport_upside-down_leaf-occluded.png"

# (photo, patch, crop x, y, width, height, rows and columns of the band (crop pixels) the edges are read along, or None:
# the middle half). The booth's black patch is darker than the surround right round it (RGB ≈ 14 against ≈ 21) but a
# paler bezel lies two pixels out and a dark seam beside it, so its crop stops at the first ring of surround.
PATCHES = [
    (BOOTH, "dark skin", 222, 156, 22, 22, None),
    (BOOTH, "bluish green", 220, 262, 22, 22, None),
    (BOOTH, "black", 158, 260, 21, 22, None),
    (BOOTH, "white", 159, 155, 22, 22, None),
    (LEAF, "bluish green", 508, 776, 88, 88, None),
    (LEAF, "black", 234, 774, 88, 88, None),
    # Half under the leaf: the edges are read along its visible part only, rows 60-80 (near the bottom edge) for the
    # right edge and columns 55-70 (near the right edge) for the bottom one.
    (LEAF, "dark skin", 516, 330, 92, 92, ((60, 80), (55, 70))),
]

# The committed hand-placed centres (ChartFinderTests.HandPlacedCentres), to compare with.
HAND = {
    (BOOTH, "dark skin"): (233.3, 167.0), (BOOTH, "bluish green"): (231.5, 272.8),
    (BOOTH, "black"): (170.3, 272.5), (BOOTH, "white"): (170.1, 166.1),
    (LEAF, "dark skin"): (558.8, 371.9), (LEAF, "bluish green"): (551.3, 819.8), (LEAF, "black"): (277.1, 817.1),
}


def crop(photo, x, y, width, height):
    command = ["convert", photo, "-crop", f"{width}x{height}+{x}+{y}", "+repage", "-depth", "8", "ppm:-"]
    print("  $ " + " ".join(command[:-1]) + " crop.ppm")
    data = subprocess.run(command, check=True, capture_output=True).stdout
    fields = data.split(maxsplit=4)
    w, h = int(fields[1]), int(fields[2])
    raw = fields[4]
    return w, h, [[tuple(raw[3 * (r * w + c):3 * (r * w + c) + 3]) for c in range(w)] for r in range(h)]


def median(values):
    s = sorted(values)
    return s[len(s) // 2]


def membership(w, h, px):
    mid = [px[r][c] for r in range(h // 2 - 2, h // 2 + 3) for c in range(w // 2 - 2, w // 2 + 3)]
    ring = [px[r][c] for r in range(h) for c in range(w) if r in (0, h - 1) or c in (0, w - 1)]
    patch = tuple(median([p[k] for p in mid]) for k in range(3))
    surround = tuple(median([p[k] for p in ring]) for k in range(3))
    span = sum((a - b) ** 2 for a, b in zip(patch, surround)) ** 0.5

    def m(p):
        d = sum((a - b) ** 2 for a, b in zip(p, patch)) ** 0.5
        return max(0.0, min(1.0, 1 - d / span))

    return patch, surround, [[m(px[r][c]) for c in range(w)] for r in range(h)]


def crossing(profile, start, step):
    """Where the profile, walked from start by step (+1 or -1), first falls below one half, in continuous pixels:
    linear between the two pixel centres (i + 0.5) it falls between."""
    c = start
    while profile[c + step] >= 0.5:
        c += step
    a, b = profile[c], profile[c + step]
    return c + 0.5 + step * (a - 0.5) / (a - b)


def extents(m, w, h, rows, columns):
    # Mean membership per column over the band's rows, and per row over the band's columns; each edge where that
    # profile crosses one half (a pixel the patch half covers), walking out from the crop's middle.
    col = [sum(m[r][c] for r in range(*rows)) / (rows[1] - rows[0]) for c in range(w)]
    row = [sum(m[r][c] for c in range(*columns)) / (columns[1] - columns[0]) for r in range(h)]
    cx, cy = w // 2, h // 2
    return crossing(col, cx, -1), crossing(col, cx, 1), crossing(row, cy, -1), crossing(row, cy, 1)


found = {}
for photo, name, x, y, width, height, band in PATCHES:
    print(f"{photo.split('/')[-1]}, {name}:")
    w, h, px = crop(photo, x, y, width, height)
    patch, surround, m = membership(w, h, px)
    rows, columns = band or ((h // 4, 3 * h // 4), (w // 4, 3 * w // 4))
    left, right, top, bottom = extents(m, w, h, rows, columns)
    total = sum(map(sum, m))
    gx = x + sum(m[r][c] * (c + 0.5) for r in range(h) for c in range(w)) / total
    gy = y + sum(m[r][c] * (r + 0.5) for r in range(h) for c in range(w)) / total
    found[(photo, name)] = (x + left, x + right, y + top, y + bottom)
    print(f"  patch RGB {patch}, surround {surround}")
    print(f"  edges x {x + left:.2f} .. {x + right:.2f} (width {right - left:.2f}), y {y + top:.2f} .. {y + bottom:.2f} (height {bottom - top:.2f})")
    if band is None:
        print(f"  centre by edges ({x + (left + right) / 2:.2f}, {y + (top + bottom) / 2:.2f}); centroid ({gx:.2f}, {gy:.2f})")

# The half-covered dark skin: visible right and bottom edges, size of the bluish-green patch in its column.
_, right, _, bottom = found[(LEAF, "dark skin")]
l2, r2, t2, b2 = found[(LEAF, "bluish green")]
centre = (right - (r2 - l2) / 2, bottom - (b2 - t2) / 2)
print(f"leaf dark skin from its right and bottom edges and bluish green's size: centre ({centre[0]:.2f}, {centre[1]:.2f})")

print()
print("patch: hand-placed (committed) -> derived here (edges, the method the hand used; centroid), distance")
for photo, name, x, y, width, height, band in PATCHES:
    hx, hy = HAND[(photo, name)]
    l, r, t, b = found[(photo, name)]
    ex, ey = ((l + r) / 2, (t + b) / 2) if band is None else centre
    d = ((ex - hx) ** 2 + (ey - hy) ** 2) ** 0.5
    print(f"{photo.split('/')[-1][:24]} {name:12s}: ({hx:.1f}, {hy:.1f}) -> ({ex:.1f}, {ey:.1f}), {d:.1f} px")
sys.exit(0)
