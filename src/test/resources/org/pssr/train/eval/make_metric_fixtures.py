#!/usr/bin/env python3
"""Reference PSNR/SSIM values for MetricsFixtureTest, computed once with scikit-image.

Run from the repository root with Debian's packages (python3-skimage 0.19.3, numpy 1.24,
tifffile 2023.2.3):  /usr/bin/python3 src/test/resources/org/pssr/train/eval/make_metric_fixtures.py
It writes two small movies of its own (fixture_8bit.tif, fixture_16bit.tif: smooth blobs that
move, with Poisson noise, from a fixed seed) and their metric_fixtures.csv and
upsampling_fixtures.csv next to itself: the default test suite's fixtures. With --real DIR it
reads the real movies in DIR (../shared/data/movies) and writes real_metric_fixtures.csv and
real_upsampling_fixtures.csv instead: the real-data suite's fixtures.

Columns:
  ssim_unit   structural_similarity of the raw frames divided by the type maximum (255 / 65535),
              gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1
  psnr_pssr, ssim_pssr   after the PSSR normalisation: truth scaled so its 0.1 / 99.9 percentiles
              are 0 / 1, the other frame fitted to it by least squares (a * x + b), data_range=1

upsampling_fixtures.csv: bilinear upsampling of whole frames with skimage.transform.resize
(order=1, mode='edge', anti_aliasing=False, preserve_range=True): sum of squares, sum of
|horizontal differences|, and the values at a few pixels (y:x:value, the brightest one first).
"""
import csv
import os
import sys

import numpy as np
import tifffile
from skimage.metrics import peak_signal_noise_ratio, structural_similarity
from skimage.transform import resize

HERE = os.path.dirname(os.path.abspath(__file__))

# (file, truth frame, compared frame)
REAL_PAIRS = [
    ('mitocheck_nuclei.tif', 0, 1),
    ('mitocheck_nuclei.tif', 10, 20),
    ('hela_gag_mvenus.tif', 5, 6),
    ('drosophila_h2b_seq1.tif', 3, 4),
]
REAL_UPSAMPLED = [('mitocheck_nuclei.tif', 0, 4), ('hela_gag_mvenus.tif', 7, 2)]

OWN_PAIRS = [
    ('fixture_8bit.tif', 0, 1),
    ('fixture_8bit.tif', 1, 5),
    ('fixture_16bit.tif', 2, 3),
    ('fixture_16bit.tif', 0, 4),
]
OWN_UPSAMPLED = [('fixture_8bit.tif', 0, 4), ('fixture_16bit.tif', 3, 2)]


def own_movie(height, width, frames, peak, dtype, seed):
    """Gaussian blobs drifting over a background, Poisson noise: a small fluorescence movie."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    blobs = [(rng.uniform(0, height), rng.uniform(0, width), rng.uniform(2, 6), rng.uniform(0.3, 1),
              rng.uniform(-1, 1), rng.uniform(-1, 1)) for _ in range(12)]
    stack = []
    for t in range(frames):
        image = np.full((height, width), 0.05)
        for cy, cx, sigma, amplitude, vy, vx in blobs:
            image += amplitude * np.exp(-((y - cy - vy * t) ** 2 + (x - cx - vx * t) ** 2) /
                                        (2 * sigma ** 2))
        counts = rng.poisson(image / image.max() * peak)
        stack.append(np.clip(counts, 0, np.iinfo(dtype).max).astype(dtype))
    return np.stack(stack)


def ssim(a, b):
    return structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
                                 use_sample_covariance=False, data_range=1.0)


def pssr_normalise(truth, other):
    lo, hi = np.percentile(truth, [0.1, 99.9])
    t = (truth - lo) / (hi - lo)
    design = np.stack([other.ravel(), np.ones(other.size)], axis=1)
    (a, b), *_ = np.linalg.lstsq(design, t.ravel(), rcond=None)
    return t, a * other + b


def write(movies, pairs, upsampled, prefix):
    rows = []
    for name, i, j in pairs:
        stack = tifffile.imread(os.path.join(movies, name))
        unit = float(np.iinfo(stack.dtype).max)
        truth = stack[i].astype(np.float64)
        other = stack[j].astype(np.float64)
        t, p = pssr_normalise(truth, other)
        rows.append([name, i, j,
                     '%.10g' % ssim(truth / unit, other / unit),
                     '%.10g' % peak_signal_noise_ratio(t, p, data_range=1.0),
                     '%.10g' % ssim(t, p)])
    with open(os.path.join(HERE, prefix + 'metric_fixtures.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['file', 'truth_frame', 'other_frame', 'ssim_unit', 'psnr_pssr', 'ssim_pssr'])
        w.writerows(rows)
    resized = []
    for name, t, scale in upsampled:
        frame = tifffile.imread(os.path.join(movies, name))[t].astype(np.float64)
        up = resize(frame, (frame.shape[0] * scale, frame.shape[1] * scale), order=1, mode='edge',
                    anti_aliasing=False, preserve_range=True)
        brightest = np.unravel_index(np.argmax(up), up.shape)
        probes = [brightest, (up.shape[0] // 2 + 1, up.shape[1] // 3 + 2), (1, up.shape[1] - 2)]
        resized.append([name, t, scale, '%.10g' % (up ** 2).sum(),
                          '%.10g' % np.abs(np.diff(up, axis=1)).sum(),
                          ' '.join('%d:%d:%.10g' % (y, x, up[y, x]) for y, x in probes)])
    with open(os.path.join(HERE, prefix + 'upsampling_fixtures.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['file', 'frame', 'scale', 'sum_squares', 'sum_abs_dx', 'pixels'])
        w.writerows(resized)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--real':
        write(sys.argv[2], REAL_PAIRS, REAL_UPSAMPLED, 'real_')
        return
    tifffile.imwrite(os.path.join(HERE, 'fixture_8bit.tif'), own_movie(48, 64, 6, 200, np.uint8, 1),
                     imagej=True)
    tifffile.imwrite(os.path.join(HERE, 'fixture_16bit.tif'),
                     own_movie(40, 56, 5, 3000, np.uint16, 2), imagej=True)
    write(HERE, OWN_PAIRS, OWN_UPSAMPLED, '')


if __name__ == '__main__':
    main()
