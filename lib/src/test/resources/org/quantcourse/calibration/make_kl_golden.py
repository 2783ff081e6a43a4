#!/usr/bin/python3
"""Golden thresholds for KlDivergenceTest, from a NumPy transcription of MXNet's _get_optimal_threshold
(mxnet/contrib/quantization.py, the published form of TensorRT's entropy calibration), made one-sided: the
histogram is of |x| over [0, max] with 2048 bins, and candidates keep i = levels..2048 bins.
Writes kl_reference.csv: case, levels, best bin count, divergence at best, then the 2048 counts."""
import numpy as np


def smooth_distribution(p, eps=0.0001):
    is_zeros = (p == 0).astype(np.float64)
    is_nonzeros = (p != 0).astype(np.float64)
    n_zeros = is_zeros.sum()
    n_nonzeros = p.size - n_zeros
    if not n_nonzeros:
        raise ValueError('all zero')
    eps1 = eps * float(n_zeros) / float(n_nonzeros)
    return p.astype(np.float64) + eps * is_zeros + (-eps1) * is_nonzeros


def entropy(p, q):  # scipy.stats.entropy(p, q)
    p = p / p.sum()
    q = q / q.sum()
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def optimal_bins(hist, levels):
    num_bins = hist.size
    divergence = {}
    for i in range(levels, num_bins + 1):
        sliced = hist[0:i]
        p = sliced.astype(np.float64).copy()
        p[-1] += hist[i:].sum()
        is_nonzeros = (p != 0).astype(np.int64)
        merged = sliced.size // levels
        quantized = np.zeros(levels, dtype=np.float64)
        for j in range(levels):
            quantized[j] = sliced[j * merged:(j + 1) * merged].sum()
        quantized[-1] += sliced[levels * merged:].sum()
        q = np.zeros(sliced.size, dtype=np.float64)
        for j in range(levels):
            start = j * merged
            stop = sliced.size if j == levels - 1 else start + merged
            norm = is_nonzeros[start:stop].sum()
            if norm != 0:
                q[start:stop] = quantized[j] / norm
        q[p == 0] = 0
        try:
            divergence[i] = entropy(smooth_distribution(p), smooth_distribution(q))
        except ValueError:
            divergence[i] = float('inf')
    best = min(divergence, key=lambda k: (divergence[k], k))
    return best, divergence[best]


rng = np.random.default_rng(8)
cases = {
    'half-normal': np.abs(rng.normal(0, 1, 200_000)),
    'relu-laplace-with-outliers': np.concatenate([np.maximum(rng.laplace(0, 1, 200_000), 0), [40.0, 55.0]]),
    'uniform': rng.uniform(0, 1, 200_000),
}
with open('kl_reference.csv', 'w') as f:
    f.write('# see make_kl_golden.py\n')
    f.write('case,levels,best_bins,divergence,counts...\n')
    for name, x in cases.items():
        hist, _ = np.histogram(x, bins=2048, range=(0, x.max()))
        for levels in (128, 16):
            best, d = optimal_bins(hist, levels)
            f.write('%s,%d,%d,%.12g,%s\n' % (name, levels, best, d, ','.join(str(c) for c in hist)))
            print(name, levels, best, d)
