#!/usr/bin/env python3
"""Writes the auction demo's lots: lot-1.svg … lot-4.svg, drawn here from code, and rasterises each to a 1024x1280
PNG (4:5, a painting's portrait) with ffmpeg's SVG decoder (librsvg), which the engine needs anyway.

  lot-1  "Solstice Bloom"      a layered flower of gradient petals on deep plum, with a halo and grain
  lot-2  "Aurora over Kvaløya" curtains of northern light above snowy ridges and a still fjord
  lot-3  "Bauhaus Quartet"     a grid of quarter circles, half moons, stripes and rings in a mid-century palette
  lot-4  "Contour No. 7"       isolines of an imaginary island, cyan to magenta on ink

Deterministic (seeded); pure Python. Run from anywhere: ./make-art.py [lot-2 …] (default: all)
"""
import math
import pathlib
import random
import subprocess
import sys

W, H = 1024, 1280
HERE = pathlib.Path(__file__).parent


def doc(body, defs=""):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">\n'
            f'<defs>{GRAIN}{defs}</defs>\n{body}\n'
            f'<rect width="{W}" height="{H}" filter="url(#grain)" opacity="0.10" style="mix-blend-mode:overlay"/>\n</svg>\n')


# A fine paper/canvas grain laid over every piece, so flat fills read as paint rather than vector.
GRAIN = ('<filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.9" '
         'numOctaves="2" seed="7"/><feColorMatrix type="saturate" values="0"/></filter>'
         '<filter id="soft"><feGaussianBlur stdDeviation="28"/></filter>'
         '<filter id="haze"><feGaussianBlur stdDeviation="8"/></filter>')


def linear(id_, stops, x2=0, y2=1):
    s = "".join(f'<stop offset="{o}" stop-color="{c}" stop-opacity="{a}"/>' for o, c, a in stops)
    return f'<linearGradient id="{id_}" x1="0" y1="0" x2="{x2}" y2="{y2}">{s}</linearGradient>'


def radial(id_, stops, cx=0.5, cy=0.5, r=0.5):
    s = "".join(f'<stop offset="{o}" stop-color="{c}" stop-opacity="{a}"/>' for o, c, a in stops)
    return f'<radialGradient id="{id_}" cx="{cx}" cy="{cy}" r="{r}">{s}</radialGradient>'


def solstice_bloom():
    cx, cy = W / 2, H * 0.46
    defs = (radial("bg", [(0, "#5a1f5c", 1), (0.6, "#2a0f38", 1), (1, "#12081c", 1)], cy=0.42, r=0.75)
            + radial("halo", [(0, "#ffd98a", 0.9), (0.4, "#ff8f6b", 0.35), (1, "#ff8f6b", 0)])
            + "".join(linear(f"p{i}", [(0, a, 1), (1, b, 1)]) for i, (a, b) in enumerate(
                [("#ffe3a3", "#ff9b5e"), ("#ff9fb0", "#d6336c"), ("#ffc46b", "#e8590c"), ("#c8a2ff", "#7048e8"), ("#fff3d6", "#ffc078")])))
    out = [f'<rect width="{W}" height="{H}" fill="url(#bg)"/>',
           f'<circle cx="{cx}" cy="{cy}" r="430" fill="url(#halo)" filter="url(#soft)"/>']
    # Rings of petals, outermost first; each petal is a pointed ellipse (two quadratic arcs) turned about the centre.
    rings = [(18, 400, 92, 3, 0.0), (16, 330, 84, 1, 0.5), (14, 258, 74, 2, 0.0), (12, 190, 62, 0, 0.5), (10, 128, 50, 4, 0.0)]
    for count, length, width, grad, phase in rings:
        for k in range(count):
            angle = (k + phase) * 360 / count
            d = f"M0,0 Q{width},{-length * 0.55} 0,{-length} Q{-width},{-length * 0.55} 0,0Z"
            out.append(f'<path d="{d}" transform="translate({cx},{cy}) rotate({angle:.2f})" fill="url(#p{grad})" '
                       f'stroke="#2a0f38" stroke-opacity="0.45" stroke-width="2.5"/>')
            vein = f"M0,-12 L0,{-length * 0.82:.1f}"
            out.append(f'<path d="{vein}" transform="translate({cx},{cy}) rotate({angle:.2f})" stroke="#ffffff" stroke-opacity="0.25" stroke-width="2" fill="none"/>')
    out.append(f'<circle cx="{cx}" cy="{cy}" r="74" fill="#3b1245"/>')
    rng = random.Random(11)
    for i in range(140):  # the seed head: a sunflower spiral of dots
        r, a = 6.0 * math.sqrt(i), i * 137.508 * math.pi / 180
        out.append(f'<circle cx="{cx + r * math.cos(a):.1f}" cy="{cy + r * math.sin(a):.1f}" r="{2.2 + rng.random() * 1.6:.1f}" fill="#ffd166"/>')
    for _ in range(90):  # pollen drifting in the dark
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        if math.hypot(x - cx, y - cy) > 440:
            out.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{rng.uniform(1, 3.4):.1f}" fill="#ffe3a3" opacity="{rng.uniform(0.2, 0.7):.2f}"/>')
    out.append(f'<path d="M{cx},{cy + 300} C{cx - 20},{cy + 420} {cx + 30},{cy + 520} {cx - 10},{H}" stroke="#6b8f4e" stroke-width="14" fill="none" stroke-linecap="round"/>')
    return doc("\n".join(out), defs)


def ridge(rng, base, amp, step=16):
    freqs = [(rng.uniform(0.004, 0.007), rng.uniform(0, 6), 1.0), (rng.uniform(0.012, 0.02), rng.uniform(0, 6), 0.45),
             (rng.uniform(0.04, 0.06), rng.uniform(0, 6), 0.12)]
    pts = []
    for x in range(-step, W + 2 * step, step):
        y = base - amp * sum(a * (0.5 + 0.5 * math.sin(x * f + p)) for f, p, a in freqs)
        pts.append((x, y))
    return pts


def aurora():
    rng = random.Random(23)
    horizon = H * 0.68
    defs = (linear("sky", [(0, "#020612", 1), (0.45, "#06203a", 1), (0.8, "#0d3b4f", 1), (1, "#1d5c63", 1)])
            + linear("curtain", [(0, "#7bffb8", 0), (0.35, "#5dffa8", 0.85), (0.75, "#2bd4c4", 0.5), (1, "#2bd4c4", 0)])
            + linear("curtain2", [(0, "#d291ff", 0), (0.4, "#b57bff", 0.6), (1, "#5dffa8", 0)])
            + linear("fjord", [(0, "#0f3a48", 1), (1, "#030a14", 1)])
            + linear("snow", [(0, "#e8f4ff", 1), (1, "#7d9bb5", 1)]))
    out = [f'<rect width="{W}" height="{H}" fill="url(#sky)"/>']
    for _ in range(260):
        x, y = rng.uniform(0, W), rng.uniform(0, horizon * 0.9)
        out.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{rng.choice([0.8, 1.1, 1.4, 2.0]):.1f}" fill="#ffffff" opacity="{rng.uniform(0.3, 1):.2f}"/>')

    def curtain(grad, top, amp, height, opacity, seed):
        # Many thin vertical rays whose tops follow a slow wave: the folds of the light.
        r = random.Random(seed)
        rays = []
        for x in range(0, W + 8, 6):
            y = top + amp * math.sin(x * 0.006 + seed) + amp * 0.4 * math.sin(x * 0.017 + seed * 2)
            h = height * (0.7 + 0.3 * math.sin(x * 0.05 + seed)) * r.uniform(0.85, 1.1)
            rays.append(f'<rect x="{x}" y="{y:.0f}" width="7" height="{h:.0f}" fill="url(#{grad})" opacity="{opacity * r.uniform(0.6, 1):.2f}"/>')
        return f'<g filter="url(#haze)">{"".join(rays)}</g>'

    out.append(curtain("curtain2", 150, 70, 420, 0.55, 3))
    out.append(curtain("curtain", 230, 110, 470, 0.9, 7))
    out.append(curtain("curtain", 360, 60, 300, 0.6, 11))
    for base, amp, fill in ((horizon - 40, 250, "url(#snow)"), (horizon, 170, "#27465e"), (horizon + 10, 90, "#15293b")):
        pts = ridge(rng, base, amp)
        d = "M" + " L".join(f"{x},{y:.1f}" for x, y in pts) + f" L{W + 40},{horizon + 20} L-40,{horizon + 20}Z"
        out.append(f'<path d="{d}" fill="{fill}"/>')
    out.append(f'<rect y="{horizon}" width="{W}" height="{H - horizon}" fill="url(#fjord)"/>')
    # The aurora mirrored in the still water: the same curtains flipped, faded and broken by ripples.
    out.append(f'<g transform="translate(0,{2 * horizon}) scale(1,-1)" opacity="0.3">{curtain("curtain", horizon - 300, 40, 300, 0.8, 7)}</g>')
    for i in range(40):
        y = horizon + 14 + i * (H - horizon) / 40
        x0, w = rng.uniform(0, W * 0.7), rng.uniform(80, 320)
        out.append(f'<rect x="{x0:.0f}" y="{y:.0f}" width="{w:.0f}" height="2" fill="#8fffd0" opacity="{rng.uniform(0.05, 0.22):.2f}"/>')
    out.append(f'<path d="M600,{horizon + 52} l60,0 l-8,10 l-46,0Z M628,{horizon + 52} l0,-34 l20,30Z" fill="#020812"/>')
    return doc("\n".join(out), "".join(defs))


def bauhaus():
    rng = random.Random(5)
    palette = ["#e63946", "#f4a261", "#e9c46a", "#2a9d8f", "#264653", "#1d3557"]
    paper, ink = "#f1e9da", "#1b1b1f"
    cols, rows, margin = 4, 5, 72
    size = (W - 2 * margin) / cols
    top = (H - rows * size) / 2
    out = [f'<rect width="{W}" height="{H}" fill="{paper}"/>']
    for r in range(rows):
        for c in range(cols):
            x, y, s = margin + c * size, top + r * size, size
            bg, fg, ac = rng.sample(palette, 3)
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{s:.1f}" height="{s:.1f}" fill="{bg}"/>')
            kind = rng.choice(["quarter", "half", "stripes", "ring", "circle", "triangle", "quarter"])
            corner = rng.randrange(4)
            cxs, cys = x + (s if corner in (1, 2) else 0), y + (s if corner in (2, 3) else 0)
            if kind == "quarter":
                out.append(f'<circle cx="{cxs:.1f}" cy="{cys:.1f}" r="{s:.1f}" fill="{fg}" clip-path="url(#c{r}{c})"/>')
                out.append(f'<circle cx="{cxs:.1f}" cy="{cys:.1f}" r="{s * 0.45:.1f}" fill="{ac}" clip-path="url(#c{r}{c})"/>')
            elif kind == "half":
                d = f"M{x:.1f},{y + s / 2:.1f} A{s / 2:.1f},{s / 2:.1f} 0 0 {corner % 2} {x + s:.1f},{y + s / 2:.1f}Z"
                out.append(f'<path d="{d}" fill="{fg}"/>')
                out.append(f'<circle cx="{x + s / 2:.1f}" cy="{y + s / 2:.1f}" r="{s * 0.12:.1f}" fill="{ink}"/>')
            elif kind == "stripes":
                for k in range(5):
                    out.append(f'<rect x="{x + s * 0.1:.1f}" y="{y + s * (0.12 + k * 0.16):.1f}" width="{s * 0.8:.1f}" height="{s * 0.08:.1f}" fill="{fg if k % 2 else ink}"/>')
            elif kind == "ring":
                out.append(f'<circle cx="{x + s / 2:.1f}" cy="{y + s / 2:.1f}" r="{s * 0.36:.1f}" fill="none" stroke="{fg}" stroke-width="{s * 0.14:.1f}"/>')
                out.append(f'<circle cx="{x + s / 2:.1f}" cy="{y + s / 2:.1f}" r="{s * 0.12:.1f}" fill="{ac}"/>')
            elif kind == "circle":
                out.append(f'<circle cx="{x + s / 2:.1f}" cy="{y + s / 2:.1f}" r="{s * 0.4:.1f}" fill="{fg}"/>')
                out.append(f'<path d="M{x + s / 2:.1f},{y + s * 0.1:.1f} A{s * 0.4:.1f},{s * 0.4:.1f} 0 0 1 {x + s / 2:.1f},{y + s * 0.9:.1f}Z" fill="{ac}"/>')
            else:
                pts = [(x, y + s), (x + s, y + s), (x + s / 2, y)] if corner % 2 else [(x, y), (x + s, y), (x, y + s)]
                out.append(f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="{fg}"/>')
    clips = "".join(f'<clipPath id="c{r}{c}"><rect x="{margin + c * size:.1f}" y="{top + r * size:.1f}" width="{size:.1f}" height="{size:.1f}"/></clipPath>'
                    for r in range(rows) for c in range(cols))
    frame = f'<rect x="{margin}" y="{top:.1f}" width="{cols * size:.1f}" height="{rows * size:.1f}" fill="none" stroke="{ink}" stroke-width="6"/>'
    return doc("\n".join(out) + frame, clips)


def contours():
    rng = random.Random(42)
    hills = [(rng.uniform(0.2, 0.8) * W, rng.uniform(0.2, 0.8) * H, rng.uniform(90, 260), rng.uniform(0.5, 1.0)) for _ in range(9)]

    def height(x, y):
        v = sum(a * math.exp(-((x - hx) ** 2 + (y - hy) ** 2) / (2 * s * s)) for hx, hy, s, a in hills)
        return v + 0.06 * math.sin(x * 0.02) * math.cos(y * 0.017)

    step = 8
    gx, gy = W // step + 1, H // step + 1
    grid = [[height(i * step, j * step) for i in range(gx)] for j in range(gy)]
    top = max(max(row) for row in grid)
    levels = 26
    out = [f'<rect width="{W}" height="{H}" fill="#0b0d17"/>']
    for n in range(1, levels):
        level = top * n / levels
        t = n / levels
        color = "#%02x%02x%02x" % (int(40 + 215 * t), int(220 - 150 * t), int(235 - 40 * t))
        segs = []
        for j in range(gy - 1):
            for i in range(gx - 1):
                corners = [grid[j][i], grid[j][i + 1], grid[j + 1][i + 1], grid[j + 1][i]]
                pos = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                cuts = []
                for k in range(4):  # marching squares: where the level crosses each edge of the cell
                    a, b = corners[k], corners[(k + 1) % 4]
                    if (a < level) != (b < level):
                        f = (level - a) / (b - a)
                        (x0, y0), (x1, y1) = pos[k], pos[(k + 1) % 4]
                        cuts.append(((x0 + (x1 - x0) * f) * step, (y0 + (y1 - y0) * f) * step))
                for p in range(0, len(cuts) - 1, 2):
                    (ax, ay), (bx, by) = cuts[p], cuts[p + 1]
                    segs.append(f"M{ax:.1f},{ay:.1f}L{bx:.1f},{by:.1f}")
        width = 3.2 if n % 5 == 0 else 1.6
        out.append(f'<path d="{"".join(segs)}" stroke="{color}" stroke-width="{width}" fill="none" stroke-linecap="round" opacity="{0.55 + 0.45 * t:.2f}"/>')
    for hx, hy, s, a in hills[:4]:  # survey marks on the summits
        out.append(f'<g transform="translate({hx:.0f},{hy:.0f})" stroke="#ffffff" stroke-width="2" opacity="0.8"><path d="M-12,0 L12,0 M0,-12 L0,12"/><circle r="18" fill="none"/></g>')
    out.append('<g fill="#8d93b8" font-family="DejaVu Sans Mono, monospace" font-size="22" letter-spacing="4">'
               f'<text x="64" y="{H - 64}">CONTOUR No. 7</text><text x="{W - 64}" y="{H - 64}" text-anchor="end">1:25 000</text></g>')
    return doc("\n".join(out))


PIECES = {"lot-1": solstice_bloom, "lot-2": aurora, "lot-3": bauhaus, "lot-4": contours}

for name, draw in PIECES.items():
    if sys.argv[1:] and name not in sys.argv[1:]:
        continue
    svg = HERE / f"{name}.svg"
    svg.write_text(draw())
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-width", str(W), "-height", str(H), "-i", str(svg), "-frames:v", "1",
                    "-pix_fmt", "rgb24", str(HERE / f"{name}.png")], check=True)
    print(f"wrote {name}.png")
