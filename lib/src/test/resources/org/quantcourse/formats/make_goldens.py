#!/usr/bin/python3
"""Golden values for org.quantcourse.formats tests. Run from this folder with /usr/bin/python3 (torch 1.13, numpy).

FP16 and BF16: PyTorch's own casts (torch.Tensor.half() / .bfloat16() on CPU, round-to-nearest-even).
FP8 E4M3 / E5M2: torch 1.13 has no float8, so they come from an independent implementation below that does not
manipulate bits: it lists every value of the format from the OCP FP8 spec's formula as exact fractions and casts
by brute force (the nearest listed value, ties to the even code; overflow as each mode says).
Writes fp16_bf16_torch.csv, exhaustive_sha256.txt and fp8_reference.csv.
"""
import hashlib
import struct
from fractions import Fraction

import numpy as np
import torch


def f32_bits(x):
    return struct.unpack('>I', struct.pack('>f', float(x)))[0]


def bits_f32(b):
    return struct.unpack('>f', struct.pack('>I', b))[0]


def fp16_codes(x32):
    return torch.from_numpy(x32).half().view(torch.int16).numpy().astype(np.uint16)


def bf16_codes(x32):
    return torch.from_numpy(x32).bfloat16().view(torch.int16).numpy().astype(np.uint16)


def decode16(codes, dtype):
    return torch.from_numpy(codes.astype(np.int16)).view(dtype).float().numpy()


def tie_inputs(decoded_positive_finite):
    """For each pair of neighbours: the midpoint and the floats just below and above it, then all negated."""
    v = decoded_positive_finite.astype(np.float32)
    mid = ((v[:-1].astype(np.float64) + v[1:].astype(np.float64)) / 2).astype(np.float32)
    assert np.all(mid.astype(np.float64) == (v[:-1].astype(np.float64) + v[1:].astype(np.float64)) / 2)
    down = np.nextafter(mid, np.float32(-np.inf))
    up = np.nextafter(mid, np.float32(np.inf))
    pos = np.stack([mid, down, up], axis=1).reshape(-1)
    return np.concatenate([pos, -pos]).astype(np.float32)


def sha(arr_u16):
    return hashlib.sha256(arr_u16.astype('>u2').tobytes()).hexdigest()


def sha_f32(arr_f32):
    return hashlib.sha256(arr_f32.astype('>f4').tobytes()).hexdigest()


all_codes = np.arange(65536, dtype=np.uint32).astype(np.uint16)
fp16_all = decode16(all_codes, torch.float16)
bf16_all = decode16(all_codes, torch.bfloat16)
fp16_ties = tie_inputs(fp16_all[:0x7C00])  # codes 0 .. 0x7BFF (positive finite)
bf16_ties = tie_inputs(bf16_all[:0x7F80])
with open('exhaustive_sha256.txt', 'w') as f:
    f.write('# SHA-256 of big-endian arrays; see make_goldens.py\n')
    f.write('fp16_decode_all_codes_f32_nan_as_zero %s\n' % sha_f32(np.where(np.isnan(fp16_all), np.float32(0), fp16_all)))
    f.write('bf16_decode_all_codes_f32_nan_as_zero %s\n' % sha_f32(np.where(np.isnan(bf16_all), np.float32(0), bf16_all)))
    f.write('fp16_encode_fp16_ties %s\n' % sha(fp16_codes(fp16_ties)))
    f.write('bf16_encode_bf16_ties %s\n' % sha(bf16_codes(bf16_ties)))
    f.write('fp16_tie_count %d\nbf16_tie_count %d\n' % (len(fp16_ties), len(bf16_ties)))

# readable edge cases and random values
rng = np.random.default_rng(20261201)
specials = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 65504.0, 65519.996, 65520.0, 65536.0, 1e5, 3.3895314e38,
            3.4028235e38, 3.3961776e38, 3.3961775e38, float('inf'), float('-inf'), 6.1035156e-05, 6.097555e-05,
            5.9604645e-08, 2.9802322e-08, 2.9802326e-08, 8.940697e-08, 1e-8, 1.1754944e-38, 1.1754942e-38,
            9.18355e-41, 1.4e-45, 1e-45, 5.877472e-39, 448.0, 464.0, 480.0, 57344.0, 61440.0]
powers = [s * 2.0 ** k for k in range(-150, 128) for s in (1.0, -1.0)]
randoms = np.concatenate([rng.normal(0, 1, 400), rng.normal(0, 0.05, 400), rng.normal(0, 1e4, 200),
                          rng.uniform(-1, 1, 200) * 1e-6, rng.uniform(-1, 1, 200) * 1e-39,
                          rng.uniform(-1, 1, 200) * 3e38])
values = np.array(specials + powers, dtype=np.float32)
values = np.concatenate([values, randoms.astype(np.float32)])
h16 = fp16_codes(values)
b16 = bf16_codes(values)
with open('fp16_bf16_torch.csv', 'w') as f:
    f.write('# input FP32 bits, torch .half() code, torch .bfloat16() code (torch %s)\n' % torch.__version__)
    f.write('input_bits,fp16,bf16\n')
    for x, a, b in zip(values, h16, b16):
        f.write('%08x,%04x,%04x\n' % (f32_bits(x), a, b))


# ---- FP8, independent of bit manipulation ----
class Fp8:
    def __init__(self, name, e, m, ieee):
        self.name, self.e, self.m, self.ieee = name, e, m, ieee
        self.bias = 2 ** (e - 1) - 1

    def value(self, code):
        """Exact value of a positive code (0..127) as a Fraction, or 'inf'/'nan'."""
        exp, man = code >> self.m, code & (2 ** self.m - 1)
        top = 2 ** self.e - 1
        if self.ieee and exp == top:
            return 'inf' if man == 0 else 'nan'
        if not self.ieee and exp == top and man == 2 ** self.m - 1:
            return 'nan'
        if exp == 0:
            return Fraction(man, 2 ** self.m) * Fraction(2) ** (1 - self.bias)
        return (1 + Fraction(man, 2 ** self.m)) * Fraction(2) ** (exp - self.bias)

    def finite(self):
        return [(c, self.value(c)) for c in range(128) if isinstance(self.value(c), Fraction)]

    def cast(self, x, overflow):
        """Code of the nearest value to float x, ties to even code; overflow in 'inf', 'nan', 'saturate'."""
        sign = 0x80 if (np.signbit(x)) else 0
        if np.isnan(x):
            return sign | (0x7E if self.ieee else 0x7F), 'nan'
        finite = self.finite()
        max_code, max_val = finite[-1]
        top = max_code + 1  # the code after max: infinity (IEEE) or the NaN pattern (E4M3)
        top_val = max_val + (max_val - finite[-2][1])  # value it would have with the same spacing
        if np.isinf(x):
            return sign | self.overflow_code(overflow, max_code), 'overflow'
        a = abs(Fraction(float(x)))
        candidates = finite + [(top, top_val)]
        best = min(candidates, key=lambda cv: (abs(cv[1] - a), cv[0] & 1))
        if a > top_val or best[0] == top:
            return sign | self.overflow_code(overflow, max_code), 'overflow'
        return sign | best[0], 'finite'

    def overflow_code(self, overflow, max_code):
        if overflow == 'saturate':
            return max_code
        if overflow == 'inf':
            assert self.ieee
            return 0x7C
        return 0x7E if self.ieee else 0x7F


e4m3 = Fp8('E4M3', 4, 3, False)
e5m2 = Fp8('E5M2', 5, 2, True)
inputs = []
for fmt in (e4m3, e5m2):
    vals = [v for _, v in fmt.finite()]
    for lo, hi in zip(vals[:-1], vals[1:]):
        mid = np.float32(float((lo + hi) / 2))
        assert Fraction(float(mid)) == (lo + hi) / 2
        inputs += [mid, np.nextafter(mid, np.float32(-np.inf)), np.nextafter(mid, np.float32(np.inf))]
    inputs += [np.float32(float(v)) for v in vals]
inputs += [np.float32(v) for v in (448, 449, 463.99997, 464, 464.00003, 479.99997, 480, 500, 1e4, 57344, 61439.996,
                                   61440, 61440.004, 65536, 1e9, 3.4e38, float('inf'), float('nan'), 1e-30, 0.0)]
inputs += list(rng.normal(0, 1, 300).astype(np.float32)) + list(rng.normal(0, 100, 200).astype(np.float32))
inputs += list((rng.uniform(-1, 1, 200) * 1e-3).astype(np.float32))
inputs = inputs + [-x for x in inputs]
with open('fp8_reference.csv', 'w') as f:
    f.write('# independent FP8 reference (exact fractions, brute-force nearest, ties to even); see make_goldens.py\n')
    f.write('input_bits,e4m3_saturate,e4m3_nan,e5m2_inf,e5m2_saturate\n')
    for x in inputs:
        row = [e4m3.cast(x, 'saturate')[0], e4m3.cast(x, 'nan')[0], e5m2.cast(x, 'inf')[0], e5m2.cast(x, 'saturate')[0]]
        f.write('%08x,%s\n' % (f32_bits(x), ','.join('%02x' % c for c in row)))
with open('fp8_values.csv', 'w') as f:
    f.write('# every FP8 code (0..255) and its exact value from the OCP FP8 formula; see make_goldens.py\n')
    f.write('code,e4m3,e5m2\n')
    for code in range(256):
        def text(fmt):
            v = fmt.value(code & 0x7F)
            if not isinstance(v, Fraction):
                return ('-' if code & 0x80 and v == 'inf' else '') + v
            return repr(float(-v if code & 0x80 else v)) if not (v == 0 and code & 0x80) else '-0.0'
        f.write('%02x,%s,%s\n' % (code, text(e4m3), text(e5m2)))
print('ok', len(fp16_ties), len(bf16_ties), len(values), len(inputs))
