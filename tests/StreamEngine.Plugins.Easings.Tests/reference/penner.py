#!/usr/bin/env python3
"""Prints the expected values of the Penner easings at t = 0.25, 0.5, 0.75 as C# test rows.

The formulas are transcribed from https://easings.net (the definitions the plugin promises to follow),
independently of the plugin's C# code, so the test compares two separate transcriptions.
"""
from math import cos, sin, pi, sqrt

c1 = 1.70158
c2 = c1 * 1.525
c3 = c1 + 1
c4 = (2 * pi) / 3
c5 = (2 * pi) / 4.5


def out_bounce(x):
    n1, d1 = 7.5625, 2.75
    if x < 1 / d1:
        return n1 * x * x
    if x < 2 / d1:
        x -= 1.5 / d1
        return n1 * x * x + 0.75
    if x < 2.5 / d1:
        x -= 2.25 / d1
        return n1 * x * x + 0.9375
    x -= 2.625 / d1
    return n1 * x * x + 0.984375


EASINGS = {
    "easeInSine": lambda x: 1 - cos((x * pi) / 2),
    "easeOutSine": lambda x: sin((x * pi) / 2),
    "easeInOutSine": lambda x: -(cos(pi * x) - 1) / 2,
    "easeInQuad": lambda x: x * x,
    "easeOutQuad": lambda x: 1 - (1 - x) * (1 - x),
    "easeInOutQuad": lambda x: 2 * x * x if x < 0.5 else 1 - pow(-2 * x + 2, 2) / 2,
    "easeInCubic": lambda x: x * x * x,
    "easeOutCubic": lambda x: 1 - pow(1 - x, 3),
    "easeInOutCubic": lambda x: 4 * x * x * x if x < 0.5 else 1 - pow(-2 * x + 2, 3) / 2,
    "easeInQuart": lambda x: x * x * x * x,
    "easeOutQuart": lambda x: 1 - pow(1 - x, 4),
    "easeInOutQuart": lambda x: 8 * x * x * x * x if x < 0.5 else 1 - pow(-2 * x + 2, 4) / 2,
    "easeInQuint": lambda x: x * x * x * x * x,
    "easeOutQuint": lambda x: 1 - pow(1 - x, 5),
    "easeInOutQuint": lambda x: 16 * x * x * x * x * x if x < 0.5 else 1 - pow(-2 * x + 2, 5) / 2,
    "easeInExpo": lambda x: 0 if x == 0 else pow(2, 10 * x - 10),
    "easeOutExpo": lambda x: 1 if x == 1 else 1 - pow(2, -10 * x),
    "easeInOutExpo": lambda x: 0 if x == 0 else 1 if x == 1 else (
        pow(2, 20 * x - 10) / 2 if x < 0.5 else (2 - pow(2, -20 * x + 10)) / 2),
    "easeInCirc": lambda x: 1 - sqrt(1 - pow(x, 2)),
    "easeOutCirc": lambda x: sqrt(1 - pow(x - 1, 2)),
    "easeInOutCirc": lambda x: (1 - sqrt(1 - pow(2 * x, 2))) / 2 if x < 0.5 else (sqrt(1 - pow(-2 * x + 2, 2)) + 1) / 2,
    "easeInBack": lambda x: c3 * x * x * x - c1 * x * x,
    "easeOutBack": lambda x: 1 + c3 * pow(x - 1, 3) + c1 * pow(x - 1, 2),
    "easeInOutBack": lambda x: (pow(2 * x, 2) * ((c2 + 1) * 2 * x - c2)) / 2 if x < 0.5
    else (pow(2 * x - 2, 2) * ((c2 + 1) * (x * 2 - 2) + c2) + 2) / 2,
    "easeInElastic": lambda x: 0 if x == 0 else 1 if x == 1 else -pow(2, 10 * x - 10) * sin((x * 10 - 10.75) * c4),
    "easeOutElastic": lambda x: 0 if x == 0 else 1 if x == 1 else pow(2, -10 * x) * sin((x * 10 - 0.75) * c4) + 1,
    "easeInOutElastic": lambda x: 0 if x == 0 else 1 if x == 1 else (
        -(pow(2, 20 * x - 10) * sin((20 * x - 11.125) * c5)) / 2 if x < 0.5
        else (pow(2, -20 * x + 10) * sin((20 * x - 11.125) * c5)) / 2 + 1),
    "easeInBounce": lambda x: 1 - out_bounce(1 - x),
    "easeOutBounce": out_bounce,
    "easeInOutBounce": lambda x: (1 - out_bounce(1 - 2 * x)) / 2 if x < 0.5 else (1 + out_bounce(2 * x - 1)) / 2,
}

if __name__ == "__main__":
    for name, f in EASINGS.items():
        values = ", ".join(f"{f(t)!r}" for t in (0.25, 0.5, 0.75))
        print(f'        {{ "{name}", [{values}] }},')
