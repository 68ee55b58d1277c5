#!/usr/bin/env python3
"""Writes ping-sheet.png: a 4x3 sprite sheet (128 px cells) of a "live" ping — a solid red dot with a ring that grows
and fades — for the animation layer in samples/layers. Pure Python (zlib), anti-aliased by coverage."""
import math, struct, zlib, pathlib

CELL, COLS, ROWS = 128, 4, 3
FRAMES = COLS * ROWS
RED = (233, 69, 96)


def coverage(distance, edge):
    """Fraction of a pixel inside a shape whose border is `edge` px from the centre, at `distance`."""
    return max(0.0, min(1.0, edge - distance + 0.5))


def pixel(frame, x, y):
    cx = cy = CELL / 2
    d = math.hypot(x + 0.5 - cx, y + 0.5 - cy)
    t = frame / FRAMES
    dot = coverage(d, 14)
    radius = 16 + t * 44
    width = 5 * (1 - t) + 1.5
    ring = coverage(abs(d - radius), width / 2) * (1 - t) ** 1.5
    alpha = max(dot, ring * 0.9)
    return (*RED, round(alpha * 255))


def png(width, height, rows):
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


rows = []
for y in range(CELL * ROWS):
    row = []
    for x in range(CELL * COLS):
        frame = (y // CELL) * COLS + x // CELL
        row.append(pixel(frame, x % CELL, y % CELL))
    rows.append(row)
pathlib.Path(__file__).with_name("ping-sheet.png").write_bytes(png(CELL * COLS, CELL * ROWS, rows))
