#!/usr/bin/env python3
"""Writes the sample lots: artwork.png, "Sunset over Lisbon", and artwork-tidal.png, "Tidal Memory" — generative
landscapes (sky gradient, sun or moon with glow, layered hills, water with reflected light). Pure Python (zlib);
deterministic."""
import math, struct, zlib, pathlib, sys

W, H = 960, 720
HORIZON = 0.62


def mix(a, b, t):
    return tuple(a[i] + (b[i] - a[i]) * t for i in range(3))


PALETTES = {
    "artwork.png": dict(sky=[(0.0, (28, 20, 66)), (0.35, (120, 44, 110)), (0.55, (236, 104, 82)), (0.62, (255, 184, 108))],
                        glow=(255, 214, 140), disc=((255, 236, 180), (255, 170, 90)), light=(255, 200, 130),
                        hills=[(78, 36, 92), (54, 26, 74), (34, 18, 52)], deep=(16, 12, 40), sun=(0.64, 0.47, 0.085)),
    "artwork-tidal.png": dict(sky=[(0.0, (6, 16, 38)), (0.35, (14, 52, 86)), (0.55, (40, 118, 140)), (0.62, (150, 214, 210))],
                        glow=(200, 240, 235), disc=((240, 250, 245), (190, 225, 230)), light=(190, 235, 230),
                        hills=[(22, 64, 88), (14, 44, 66), (8, 28, 46)], deep=(4, 12, 26), sun=(0.3, 0.36, 0.06)),
}
NAME = sys.argv[1] if len(sys.argv) > 1 else "artwork.png"
P = PALETTES[NAME]


def sky(y):
    stops = P["sky"]
    for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
        if y <= t1:
            return mix(c0, c1, (y - t0) / (t1 - t0))
    return stops[-1][1]


def ridge(x, seed, base, amp):
    return base - amp * (0.55 * math.sin(x * 5.1 + seed) + 0.3 * math.sin(x * 11.7 + seed * 2.3) + 0.15 * math.sin(x * 27.1 + seed * 5.9))


HILLS = [(P["hills"][0], 0.9, 0.50, 0.07), (P["hills"][1], 2.7, 0.555, 0.05), (P["hills"][2], 4.4, 0.60, 0.035)]
SUN = P["sun"]


def pixel(px, py):
    x, y = px / W, py / H
    if y < HORIZON:
        color = sky(y / HORIZON * 0.62)
        d = math.hypot((x - SUN[0]) * W / H, y - SUN[1])
        glow = math.exp(-max(0.0, d - SUN[2]) * 9) * 0.55
        color = mix(color, P["glow"], glow)
        if d < SUN[2]:
            color = mix(P["disc"][0], P["disc"][1], (y - (SUN[1] - SUN[2])) / (2 * SUN[2]))
        for shade, seed, base, amp in HILLS:
            if y > ridge(x, seed, base, amp):
                color = mix(shade, color, 0.12 * (1 - (y - base) / 0.2))
        return color
    # Water: the sky mirrored, darker, with a shimmering path of light under the sun.
    depth = (y - HORIZON) / (1 - HORIZON)
    color = mix(sky(0.62 - depth * 0.45), P["deep"], 0.35 + depth * 0.5)
    wave = 0.5 + 0.5 * math.sin(py * 0.9 + math.sin(px * 0.05) * 3)
    path = math.exp(-abs(x - SUN[0]) * (10 + depth * 12) / (0.4 + depth)) * wave * (1 - depth) ** 0.5
    return mix(color, P["light"], min(1.0, path * 0.9))


def png(width, height, rows):
    raw = b"".join(b"\x00" + bytes(max(0, min(255, round(c))) for p in row for c in p) for row in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


rows = [[pixel(x, y) for x in range(W)] for y in range(H)]
pathlib.Path(__file__).with_name(NAME).write_bytes(png(W, H, rows))
