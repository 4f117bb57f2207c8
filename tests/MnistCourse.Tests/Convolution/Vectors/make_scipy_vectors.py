#!/usr/bin/python3
"""Writes scipy_vectors.json: scipy.signal.convolve2d / correlate2d on random integer arrays, every mode,
odd and even kernels, so that the course's Signal is checked against scipy itself (Debian's python3-scipy).
Run from this folder: /usr/bin/python3 make_scipy_vectors.py"""
import json

import numpy as np
import scipy
from scipy import signal

rng = np.random.default_rng(20261129)
images = [(5, 6), (7, 4), (4, 4), (6, 9)]
kernels = [(1, 1), (1, 3), (2, 2), (2, 4), (3, 2), (3, 3), (4, 3), (4, 4), (5, 5)]
cases = []
for ih, iw in images:
    for kh, kw in kernels:
        image = rng.integers(-9, 10, (ih, iw))
        kernel = rng.integers(-4, 5, (kh, kw))
        for function in ("convolve2d", "correlate2d"):
            for mode in ("full", "same", "valid"):
                if mode == "valid" and (kh > ih or kw > iw):
                    continue
                out = getattr(signal, function)(image, kernel, mode=mode)
                cases.append({"function": function, "mode": mode, "image": image.tolist(),
                              "kernel": kernel.tolist(), "expected": out.tolist()})
with open("scipy_vectors.json", "w") as f:
    json.dump({"scipy": scipy.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases, scipy {scipy.__version__}")
