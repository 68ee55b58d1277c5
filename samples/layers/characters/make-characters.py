#!/usr/bin/env python3
"""Writes the SVG sources of the sample characters and rasterises them with rsvg-convert.

Each character is drawn by one function of a pose (mouth, brows, eyes, arm); a state is a list of poses laid out as a
sprite sheet (cols x rows), a folder of frames, or a single still. Run from this folder: ./make-characters.py
"""
import os
import subprocess

OUTLINE = "#1d1b2c"


def svg(width, height, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">\n'
            f'<g stroke="{OUTLINE}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round">\n{body}\n</g>\n</svg>\n')


def mouth(kind, x, y, w):
    """A mouth centred at (x, y): closed smile, half open, open, round 'o', or a wide grin."""
    if kind == "smile":
        return f'<path d="M{x-w/2},{y} Q{x},{y+w*0.45} {x+w/2},{y}" fill="none"/>'
    if kind == "half":
        return (f'<path d="M{x-w/2},{y} Q{x},{y+w*0.55} {x+w/2},{y} Q{x},{y+w*0.15} {x-w/2},{y}Z" fill="#7a1f2b"/>')
    if kind == "open":
        return (f'<path d="M{x-w/2},{y-2} Q{x},{y+w*0.95} {x+w/2},{y-2} Q{x},{y+w*0.1} {x-w/2},{y-2}Z" fill="#7a1f2b"/>'
                f'<path d="M{x-w*0.22},{y+w*0.45} Q{x},{y+w*0.3} {x+w*0.22},{y+w*0.45} Q{x},{y+w*0.62} {x-w*0.22},{y+w*0.45}Z" fill="#e86a7a" stroke="none"/>')
    if kind == "o":
        return f'<ellipse cx="{x}" cy="{y+w*0.2}" rx="{w*0.2}" ry="{w*0.28}" fill="#7a1f2b"/>'
    if kind == "grin":
        return (f'<path d="M{x-w*0.6},{y-3} Q{x},{y+w*0.85} {x+w*0.6},{y-3} Z" fill="#7a1f2b"/>'
                f'<path d="M{x-w*0.52},{y} Q{x},{y+w*0.18} {x+w*0.52},{y} L{x+w*0.5},{y-2} L{x-w*0.5},{y-2}Z" fill="#ffffff" stroke="none"/>')
    raise ValueError(kind)


def eyes(kind, lx, rx, y, size):
    if kind == "closed":
        return "".join(f'<path d="M{x-size},{y} Q{x},{y+size*0.8} {x+size},{y}" fill="none"/>' for x in (lx, rx))
    if kind == "happy":
        return "".join(f'<path d="M{x-size},{y+2} Q{x},{y-size*1.1} {x+size},{y+2}" fill="none"/>' for x in (lx, rx))
    scale = 1.35 if kind == "wide" else 1.0
    out = ""
    for x in (lx, rx):
        out += f'<ellipse cx="{x}" cy="{y}" rx="{size*0.95*scale}" ry="{size*1.15*scale}" fill="#ffffff"/>'
        out += f'<circle cx="{x+1}" cy="{y+1}" r="{size*0.55}" fill="{OUTLINE}" stroke="none"/>'
        out += f'<circle cx="{x+2.5}" cy="{y-1.5}" r="{size*0.18}" fill="#ffffff" stroke="none"/>'
    return out


def brows(lift, lx, rx, y, w):
    return "".join(f'<path d="M{x-w/2},{y-lift+(2 if x < (lx+rx)/2 else -2)} Q{x},{y-lift-6} {x+w/2},{y-lift+(-2 if x < (lx+rx)/2 else 2)}" fill="none" stroke-width="5"/>'
                   for x in (lx, rx))


def host(mouth_kind="smile", eye_kind="open", brow=0, arm=None, bob=0, sparkle=False):
    """The auctioneer: silver hair, handlebar moustache, navy suit, red bow tie; arm = gavel height (None: down)."""
    skin, suit, suit_dark = "#f0c29a", "#23325c", "#172143"
    parts = []
    if sparkle:
        for (x, y, r) in ((30, 60, 9), (212, 40, 7), (40, 150, 6), (205, 150, 8)):
            parts.append(f'<path d="M{x},{y-r*2} L{x+r*0.5},{y-r*0.5} L{x+r*2},{y} L{x+r*0.5},{y+r*0.5} L{x},{y+r*2} L{x-r*0.5},{y+r*0.5} L{x-r*2},{y} L{x-r*0.5},{y-r*0.5}Z" fill="#ffd166" stroke-width="2"/>')
    parts.append(f'<g transform="translate(0,{bob})">')
    # body: suit with lapels, shirt, bow tie
    parts.append(f'<path d="M14,330 C14,262 48,236 92,228 L148,228 C192,236 226,262 226,330Z" fill="{suit}"/>')
    parts.append('<path d="M96,228 L120,290 L144,228Z" fill="#ffffff"/>')
    parts.append(f'<path d="M92,228 L120,300 L98,262 L108,250Z" fill="{suit_dark}"/>'
                 f'<path d="M148,228 L120,300 L142,262 L132,250Z" fill="{suit_dark}"/>')
    parts.append('<path d="M120,240 L100,228 L100,254Z M120,240 L140,228 L140,254Z" fill="#d7263d"/><circle cx="120" cy="241" r="6" fill="#a4161a"/>')
    parts.append('<path d="M176,262 l14,-4 l3,10 l-14,4Z" fill="#ffd166" stroke-width="2"/>')  # pocket square
    # neck and head
    parts.append(f'<path d="M102,196 L102,232 Q120,242 138,232 L138,196Z" fill="{skin}"/>')
    parts.append(f'<ellipse cx="63" cy="132" rx="11" ry="16" fill="{skin}"/><ellipse cx="177" cy="132" rx="11" ry="16" fill="{skin}"/>')
    parts.append(f'<path d="M64,118 C64,62 176,62 176,118 L174,160 C170,200 140,214 120,214 C100,214 70,200 66,160Z" fill="{skin}"/>')
    # silver hair, swept, with side parting
    parts.append('<path d="M60,126 C52,62 92,40 126,42 C170,44 190,74 180,126 C176,104 170,92 160,86 C140,94 100,92 82,82 C72,92 66,106 60,126Z" fill="#c9ccd6"/>')
    parts.append('<path d="M84,82 C104,72 140,70 160,86" fill="none" stroke="#9aa0b4" stroke-width="3"/>')
    parts.append(eyes(eye_kind, 98, 142, 136, 8))
    parts.append(brows(brow, 98, 142, 116, 26))
    parts.append(f'<path d="M120,146 Q126,162 118,166" fill="none" stroke-width="3"/>')  # nose
    parts.append('<ellipse cx="86" cy="162" rx="9" ry="5" fill="#f29e8e" stroke="none" opacity="0.7"/><ellipse cx="154" cy="162" rx="9" ry="5" fill="#f29e8e" stroke="none" opacity="0.7"/>')
    parts.append(mouth(mouth_kind, 120, 189, 34))
    # handlebar moustache
    parts.append('<path d="M120,172 C108,166 92,168 86,178 C80,186 72,184 70,176 C74,194 96,190 104,182 C110,178 116,178 120,180 C124,178 130,178 136,182 C144,190 166,194 170,176 C168,184 160,186 154,178 C148,168 132,166 120,172Z" fill="#8d93a8"/>')
    if arm is not None:
        # raised right arm holding a gavel; arm is the hand's height
        arm_height, tilt = arm
        hand = f"198,{arm_height + 10}"
        limb = f"M184,262 L212,{arm_height + 62} L{hand}"
        parts.append(f'<path d="{limb}" fill="none" stroke-width="30"/><path d="{limb}" fill="none" stroke="{suit}" stroke-width="23"/>')
        gavel = f'rotate({tilt} 198 {arm_height + 10})'
        parts.append(f'<g transform="{gavel}"><rect x="194" y="{arm_height - 46}" width="9" height="58" rx="3" fill="#8c5a2b"/>'
                     f'<rect x="172" y="{arm_height - 68}" width="54" height="26" rx="6" fill="#a86b32"/>'
                     f'<rect x="170" y="{arm_height - 64}" width="8" height="18" rx="2" fill="#ffd166"/><rect x="220" y="{arm_height - 64}" width="8" height="18" rx="2" fill="#ffd166"/></g>')
        parts.append(f'<circle cx="198" cy="{arm_height + 12}" r="14" fill="{skin}"/>')
    parts.append('</g>')
    return "\n".join(parts)


def assistant(mouth_kind="smile", eye_kind="open", brow=0, arm=None, bob=0, sparkle=False):
    """The assistant: teal jacket, coral bob haircut, headset with a microphone; arm = waving hand height (None: down)."""
    skin, top, top_dark, hair = "#c98e68", "#1f9e8f", "#157a6e", "#e4572e"
    parts = []
    if sparkle:
        for (x, y, r) in ((22, 50, 7), (178, 36, 6), (180, 130, 7)):
            parts.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="#ffd166" stroke-width="2"/>')
    parts.append(f'<g transform="translate(0,{bob})">')
    parts.append(f'<path d="M18,290 C18,236 46,214 80,208 L120,208 C154,214 182,236 182,290Z" fill="{top}"/>')
    parts.append(f'<path d="M84,208 L100,250 L116,208Z" fill="#f7f3e9"/>')
    parts.append(f'<path d="M80,208 L100,262 L86,236Z M120,208 L100,262 L114,236Z" fill="{top_dark}"/>')
    parts.append(f'<path d="M88,180 L88,212 Q100,220 112,212 L112,180Z" fill="{skin}"/>')
    # hair back, face, fringe
    parts.append(f'<path d="M44,120 C40,52 160,52 156,120 L160,190 C140,196 128,188 126,176 L74,176 C72,188 60,196 40,190Z" fill="{hair}"/>')
    parts.append(f'<path d="M54,110 C54,66 146,66 146,110 L144,146 C140,178 118,192 100,192 C82,192 60,178 56,146Z" fill="{skin}"/>')
    parts.append(f'<path d="M50,112 C48,58 152,50 152,110 C136,96 118,88 104,74 C96,92 74,104 50,112Z" fill="{hair}"/>')
    parts.append(eyes(eye_kind, 82, 118, 132, 7))
    parts.append(brows(brow, 82, 118, 114, 20))
    parts.append('<ellipse cx="70" cy="154" rx="8" ry="4" fill="#e07a6a" stroke="none" opacity="0.7"/><ellipse cx="130" cy="154" rx="8" ry="4" fill="#e07a6a" stroke="none" opacity="0.7"/>')
    parts.append(mouth(mouth_kind, 102, 164, 30))
    # headset
    parts.append('<path d="M50,126 C44,48 156,48 150,126" fill="none" stroke="#2b2d42" stroke-width="7"/>')
    parts.append('<rect x="40" y="114" width="16" height="28" rx="6" fill="#2b2d42"/><rect x="144" y="114" width="16" height="28" rx="6" fill="#2b2d42"/>')
    parts.append('<path d="M48,140 C48,170 56,182 70,182" fill="none" stroke-width="4"/><circle cx="72" cy="182" r="5" fill="#2b2d42"/>')
    if arm is not None:
        arm_height, tilt = arm
        limb = f"M150,236 L182,{arm_height + 50} L172,{arm_height + 8}"
        parts.append(f'<path d="{limb}" fill="none" stroke-width="26"/><path d="{limb}" fill="none" stroke="{top}" stroke-width="19"/>')
        parts.append(f'<g transform="rotate({tilt} 172 {arm_height + 8})"><path d="M160,{arm_height + 8} l0,-22 M167,{arm_height + 4} l0,-26 M174,{arm_height + 4} l0,-25 M181,{arm_height + 8} l0,-20" fill="none" stroke-width="10"/>'
                     f'<path d="M160,{arm_height + 8} l0,-22 M167,{arm_height + 4} l0,-26 M174,{arm_height + 4} l0,-25 M181,{arm_height + 8} l0,-20" fill="none" stroke="{skin}" stroke-width="5"/>'
                     f'<circle cx="171" cy="{arm_height + 10}" r="13" fill="{skin}"/></g>')
    parts.append('</g>')
    return "\n".join(parts)


def sheet(draw, poses, cols, w, h):
    rows = (len(poses) + cols - 1) // cols
    # Each frame is a nested <svg>, which clips it to its cell: nothing spills into a neighbouring frame.
    body = "".join(f'<svg x="{(i % cols) * w}" y="{(i // cols) * h}" width="{w}" height="{h}">{draw(**p)}</svg>\n' for i, p in enumerate(poses))
    return svg(w * cols, h * rows, body)


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    subprocess.run(["rsvg-convert", path, "-o", path[:-4] + ".png"], check=True)


def character(name, draw, w, h):
    write(f"{name}/idle.svg", svg(w, h, draw()))
    talking = [dict(mouth_kind=m) for m in ("smile", "half", "open", "half")]
    write(f"{name}/talking.svg", sheet(draw, talking, 4, w, h))
    reacting = [dict(mouth_kind="o", eye_kind="wide", brow=b, bob=-o) for b, o in ((4, 0), (8, 3), (10, 5), (8, 3))]
    for i, pose in enumerate(reacting):
        write(f"{name}/reacting/{i:02}.svg", svg(w, h, draw(**pose)))
    celebrating = [dict(mouth_kind="grin", eye_kind="happy", brow=6, arm=a, bob=b, sparkle=s)
                   for a, b, s in (((112, -28), 0, False), ((92, -8), -3, True), ((84, 4), -5, True), ((92, -8), -3, False))]
    write(f"{name}/celebrating.svg", sheet(draw, celebrating, 2, w, h))


if __name__ == "__main__":
    character("auctioneer", host, 240, 320)
    character("assistant", assistant, 200, 280)
