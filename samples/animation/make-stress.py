#!/usr/bin/env python3
"""Writes stress.json: 50 small layers moved by 1000 concurrent, endlessly looping animations (20 per layer).
Run: python3 samples/animation/make-stress.py > samples/animation/stress.json"""
import json, math

layers = []  # MAX_LAYERS defaults to 50: all of them animated
animations = []
easings = ["easeInOutSine", "easeOutBack", "easeInOutCubic", "linear", "easeOutElastic", "ease-in-out"]
colors = ["#ef476f", "#ffd166", "#06d6a0", "#118ab2", "#f78c6b", "#9b5de5"]
for i in range(50):
    lid = f"dot-{i}"
    col, row = i % 10, i // 10
    x, y = 160 + col * 170, 140 + row * 190
    layers.append({"id": lid, "type": "shape", "zIndex": 1 + i,
                   "transform": {"x": x, "y": y, "width": 56, "height": 56, "anchor": {"x": 0.5, "y": 0.5}},
                   "props": {"shape": "circle" if i % 2 else "rect", "radius": 10, "fill": colors[i % len(colors)]}})
    for k in range(20):
        d = 0.8 + (k % 7) * 0.35
        e = easings[(i + k) % len(easings)]
        common = {"id": f"a-{i}-{k}", "policy": "layer", "repeat": -1, "pingPong": True, "easing": e, "target": lid}
        prop, frm, to = [
            ("x", x - 40, x + 40), ("y", y - 30, y + 30), ("rotation", 0, 180), ("scale", 0.7, 1.3),
            ("opacity", 0.5, 1.0), ("scaleX", 0.8, 1.2), ("scaleY", 0.8, 1.2), ("anchor.x", 0.4, 0.6),
        ][k % 8]
        if k == 19:
            animations.append({**common, "kind": "tween", "property": "props.fill", "from": colors[i % 6], "to": colors[(i + 3) % 6], "duration": 2.0})
        elif k % 5 == 4:
            animations.append({**common, "kind": "keyframes", "property": prop,
                               "keyframes": [{"at": 0, "value": frm}, {"at": d / 2, "value": to, "easing": e}, {"at": d, "value": frm}]})
        else:
            animations.append({**common, "kind": "tween", "property": prop, "from": frm, "to": to, "duration": d})

print(json.dumps({"size": "1920x1080", "fps": 30, "layers": layers, "animations": animations}, indent=1))
