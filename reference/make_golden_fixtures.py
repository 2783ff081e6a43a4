#!/usr/bin/python3
"""Golden fixtures for the course's quantizers, computed by PyTorch itself.

Writes two small text files that the Java tests (lib/src/test/java/org/quantcourse/quant/PyTorchGoldenTest.java)
read and compare bit for bit:

  fake_quantize.txt  torch.fake_quantize_per_tensor_affine / _per_channel_affine with given scale and zero-point:
                     exact ties, odd and even zero-points, 2..16 bits, both schemes' code ranges, per tensor and
                     per channel (axis 0 of a conv weight, axis 1 of a DL4J dense weight).
  observer.txt       torch.ao.quantization.MinMaxObserver / PerChannelMinMaxObserver (scale and zero-point from the
                     data) followed by fake_quantize: symmetric and asymmetric, 1..16 bits, per tensor and per
                     channel, with the full signed range [-2^(b-1), 2^(b-1)-1] and the restricted one
                     [-(2^(b-1)-1), 2^(b-1)-1].

Every float is written as the hexadecimal form (float.hex()) of its float32 value, so nothing is lost in decimal. The inputs come
from Python's own seeded generator (random.Random), so they are the same on every machine.

Usage: /usr/bin/python3 reference/make_golden_fixtures.py [OUT_DIR]
(default OUT_DIR: lib/src/test/resources/golden next to this script's folder). Needs torch (Debian: python3-torch).
"""
import os
import random
import struct
import sys

import torch
from torch.ao.quantization import MinMaxObserver, PerChannelMinMaxObserver

SEED = 20240601


def f32(v):
    """The float32 nearest to v, as a Python float."""
    return struct.unpack('f', struct.pack('f', v))[0]


def short_hex(v):
    """float.hex() without trailing zeros (0x1.8p+1, 0x0p+0): Java's Float.parseFloat reads it exactly."""
    mantissa, exponent = float(v).hex().split('p')
    return mantissa.rstrip('0').rstrip('.') + 'p' + exponent


def hexes(values):
    return ' '.join(short_hex(v) for v in values)


def ints(values):
    return ' '.join(str(int(v)) for v in values)


def code_range(scheme, bits):
    if scheme == 'asymmetric':
        return 0, (1 << bits) - 1
    qmax = (1 << (bits - 1)) - 1
    return (-qmax - 1, qmax) if scheme == 'symmetric' else (-qmax, qmax)


def block(out, fields):
    for key, value in fields:
        out.write(f'{key} {value}\n')
    out.write('\n')


def tensor(values, shape):
    return torch.tensor([f32(v) for v in values], dtype=torch.float32).reshape(shape)


def flat(t):
    return t.contiguous().reshape(-1).tolist()


def fake_quantize(x, scales, zero_points, axis, qmin, qmax):
    if axis < 0:
        return torch.fake_quantize_per_tensor_affine(x, float(scales[0]), int(zero_points[0]), qmin, qmax)
    return torch.fake_quantize_per_channel_affine(x, torch.tensor(scales, dtype=torch.float32),
                                                  torch.tensor(zero_points, dtype=torch.int32), axis, qmin, qmax)


def fake_quantize_cases(rng):
    """(name, shape, axis, qmin, qmax, scales, zero_points, x) with given parameters."""
    ties = [0.5, 1.5, 2.5, -0.5]
    yield 'issue-ties-odd-zero-point', [4], -1, 0, 255, [1.0], [1], ties
    for bits in range(2, 17):
        for scheme in ('symmetric', 'asymmetric'):
            qmin, qmax = code_range(scheme, bits)
            for z in ([0] if scheme == 'symmetric' else [1, (qmax + 1) // 2, qmax // 3 | 1, qmax // 2 * 2]):
                s = f32(rng.choice([1.0, 0.25, 0.1, 0.37, 3.0]) * 2.0 ** rng.randint(-6, 2))
                # exact ties (k + 1/2) * s, values on the grid, random values, and values beyond both ends
                ks = [rng.randint(qmin - z - 2, qmax - z + 1) for _ in range(8)]
                x = [(k + 0.5) * s for k in ks] + [k * s for k in ks[:4]]
                x += [rng.uniform((qmin - z) * s, (qmax - z) * s) for _ in range(12)]
                x += [(qmin - z - 3) * s, (qmax - z + 3) * s, 0.0, -0.0]
                yield f'{scheme}-{bits}bit-z{z}-per-tensor', [len(x)], -1, qmin, qmax, [s], [z], x
            shape, axis = ([4, 2, 1, 3], 0) if bits % 2 == 0 else ([6, 4], 1)
            channels = shape[axis]
            scales = [f32(rng.uniform(0.01, 2.0)) for _ in range(channels)]
            zps = [0] * channels if scheme == 'symmetric' else [rng.randint(qmin, qmax) | 1 if qmax > 1 else 1
                                                                for _ in range(channels)]
            n = 1
            for d in shape:
                n *= d
            x = []
            strides = [1] * len(shape)
            for i in range(len(shape) - 2, -1, -1):
                strides[i] = strides[i + 1] * shape[i + 1]
            for i in range(n):
                c = (i // strides[axis]) % channels
                s, z = scales[c], zps[c]
                k = rng.randint(qmin - z - 1, qmax - z + 1)
                x.append((k + 0.5) * s if i % 3 == 0 else rng.uniform((qmin - z - 2) * s, (qmax - z + 2) * s))
            yield f'{scheme}-{bits}bit-per-channel-axis{axis}', shape, axis, qmin, qmax, scales, zps, x


def observer_cases(rng):
    """(name, scheme, bits, shape, axis, x) whose parameters torch's min-max observers choose."""
    for bits in range(1, 17):
        for scheme in ('symmetric', 'restricted', 'asymmetric'):
            if bits == 1 and scheme != 'asymmetric':
                continue
            spread = f32(rng.choice([0.05, 0.3, 1.0, 7.0]))
            shift = rng.choice([0.0, 0.0, spread, -spread / 3])
            x = [rng.gauss(shift, spread) for _ in range(24)]
            yield f'{scheme}-{bits}bit-per-tensor', scheme, bits, [24], -1, x
            shape, axis = ([4, 2, 1, 3], 0) if bits % 2 == 0 else ([6, 4], 1)
            n = 24
            x = [rng.gauss(shift, spread) * (1 + (i % 4)) for i in range(n)]
            if scheme == 'asymmetric':
                x[0] = abs(x[0]) + 0.1  # one channel entirely positive on one side
            yield f'{scheme}-{bits}bit-per-channel-axis{axis}', scheme, bits, shape, axis, x


def observe(scheme, bits, axis, x):
    qmin, qmax = code_range(scheme, bits)
    symmetric = scheme != 'asymmetric'
    dtype = torch.qint32 if bits > 8 else (torch.qint8 if symmetric else torch.quint8)
    if axis < 0:
        obs = MinMaxObserver(dtype=dtype, quant_min=qmin, quant_max=qmax,
                             qscheme=torch.per_tensor_symmetric if symmetric else torch.per_tensor_affine)
    else:
        obs = PerChannelMinMaxObserver(ch_axis=axis, dtype=dtype, quant_min=qmin, quant_max=qmax,
                                       qscheme=torch.per_channel_symmetric if symmetric else torch.per_channel_affine)
    obs(x)
    scale, zero_point = obs.calculate_qparams()
    scales = scale.reshape(-1).tolist()
    zps = zero_point.reshape(-1).tolist()
    return qmin, qmax, scales, zps, fake_quantize(x, scales, zps, axis, qmin, qmax)


def write_fixtures(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SEED)
    with open(os.path.join(out_dir, 'fake_quantize.txt'), 'w') as out:
        out.write(f'# torch {torch.__version__}: torch.fake_quantize_per_tensor_affine / _per_channel_affine.\n'
                  '# Regenerate: /usr/bin/python3 reference/make_golden_fixtures.py\n\n')
        for name, shape, axis, qmin, qmax, scales, zps, values in fake_quantize_cases(rng):
            x = tensor(values, shape)
            y = fake_quantize(x, [f32(s) for s in scales], zps, axis, qmin, qmax)
            block(out, [('case', name), ('shape', ints(shape)), ('axis', axis), ('qmin', qmin), ('qmax', qmax),
                        ('scales', hexes(f32(s) for s in scales)), ('zero_points', ints(zps)),
                        ('x', hexes(flat(x))), ('expected', hexes(flat(y)))])
    with open(os.path.join(out_dir, 'observer.txt'), 'w') as out:
        out.write(f'# torch {torch.__version__}: MinMaxObserver / PerChannelMinMaxObserver, then fake_quantize.\n'
                  '# Regenerate: /usr/bin/python3 reference/make_golden_fixtures.py\n\n')
        for name, scheme, bits, shape, axis, values in observer_cases(rng):
            x = tensor(values, shape)
            qmin, qmax, scales, zps, y = observe(scheme, bits, axis, x)
            block(out, [('case', name), ('scheme', scheme), ('bits', bits), ('shape', ints(shape)),
                        ('axis', axis), ('qmin', qmin), ('qmax', qmax), ('scales', hexes(scales)),
                        ('zero_points', ints(zps)), ('x', hexes(flat(x))), ('expected', hexes(flat(y)))])


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, '..', 'lib', 'src', 'test', 'resources', 'golden')
    target = sys.argv[1] if len(sys.argv) > 1 else default
    write_fixtures(target)
    print('golden fixtures written to', os.path.normpath(target))
