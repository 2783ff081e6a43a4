#!/usr/bin/python3
"""The article's section-4 example in its own language, on the course's data.

1. Runs the listing as printed (shared/reference/article/example-code.py; the same text notebook 01 quotes) and
   catches and prints each failure in the order a reader meets them.
2. Applies the minimal fixes one at a time, each commented, until it runs.
3. Writes the accuracy-vs-bits table of the article's quantize() (float-cast, the only version that runs) and of
   a corrected quantizer (the course's: symmetric and asymmetric, per tensor and per channel, 1..8 bits, through
   torch.fake_quantize_per_tensor_affine / _per_channel_affine) to build/results/pytorch_reference.csv.

Data: the IDX files of the course's data set (COURSE_DATASET: mnist-sample, the default, from data/mnist-sample;
fashion-mnist from /usr/share/datasets/fashion-mnist; mnist from ~/.cache/quantcourse/mnist once notebook 00 has
downloaded it). Knobs: COURSE_TRAIN_LIMIT / COURSE_TEST_LIMIT (first N images, 0 = all), COURSE_SEED (42).
COURSE_EPOCHS is NOT used: the article's plain SGD 0.01 needs its 10 epochs to converge (CI's 4 would leave it
half-trained, and the table would compare nothing); PYTORCH_REFERENCE_EPOCHS overrides it when you must.
Batch size 64 is the course's assumption: the listing leaves its data loaders as `...`.

Usage: /usr/bin/python3 reference/article_in_pytorch.py [OUT_CSV]   (needs Debian's python3-torch)
"""
import copy
import csv
import gzip
import os
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.optim as optim

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
DATASET_DIRS = {
    'mnist-sample': os.path.join(ROOT, 'data', 'mnist-sample'),
    'fashion-mnist': '/usr/share/datasets/fashion-mnist',
    'mnist': os.path.join(os.path.expanduser('~'), '.cache', 'quantcourse', 'mnist'),
}
METHODS = ['symmetric per-tensor', 'symmetric per-channel', 'asymmetric per-tensor', 'asymmetric per-channel',
           "article's quantize()"]


def knob(name, default):
    value = os.environ.get(name, '').strip()
    return int(value) if value else default


# ---------------------------------------------------------------------------------------------------------------
# The course's data: IDX files, pixels scaled to [0, 1] as the Java course does (no normalisation).
def read_idx(path):
    with gzip.open(path, 'rb') as f:
        magic, = struct.unpack('>I', f.read(4))
        dims = [struct.unpack('>I', f.read(4))[0] for _ in range(magic & 0xFF)]
        data = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8)
    return data.reshape(dims)


def load_split(prefix, limit, directory):
    images = read_idx(os.path.join(directory, f'{prefix}-images-idx3-ubyte.gz'))
    labels = read_idx(os.path.join(directory, f'{prefix}-labels-idx1-ubyte.gz')).long()
    if limit > 0:
        images, labels = images[:limit], labels[:limit]
    return images.float().div_(255).unsqueeze(1), labels


def batches(images, labels, size, generator=None):
    order = torch.randperm(len(labels), generator=generator) if generator is not None else torch.arange(len(labels))
    return [(images[order[i:i + size]], labels[order[i:i + size]]) for i in range(0, len(labels), size)]


# ---------------------------------------------------------------------------------------------------------------
# The listing as printed (only the indentation restored), class and quantize() verbatim.
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.fc1 = nn.Linear(64 * 16 * 16, 100)
        self.fc2 = nn.Linear(100, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = nn.functional.relu(x)
        x = self.conv2(x)
        x = nn.functional.relu(x)
        x = nn.functional.avg_pool2d(x, 4)
        x = torch.flatten(x, 1)
        x = self.fc1(x)
        x = nn.functional.relu(x)
        x = self.fc2(x)
        return x


def quantize(model, bit):
    for name, module in model.named_modules():
        if isinstance(module, nn.Conv2d) or isinstance(module, nn.Linear):
            weight = module.weight.data
            weight = (weight / 255.0) * 2**bit
            weight = torch.round(weight).to(torch.int)
            weight = weight.clamp_(0, 255).to(torch.uint8)
            module.weight = nn.Parameter(weight)
        elif isinstance(module, nn.BatchNorm2d):
            weight = module.weight.data
            weight = (weight / 255.0) * 2**bit
            weight = torch.round(weight).to(torch.int)
            weight = weight.clamp_(0, 255).to(torch.uint8)
            module.weight = nn.Parameter(weight)
            bias = module.bias.data
            bias = (bias / 255.0) * 2**bit
            bias = torch.round(bias).to(torch.int)
            bias = bias.clamp_(0, 255).to(torch.uint8)
            module.bias = nn.Parameter(bias)


# ---------------------------------------------------------------------------------------------------------------
# The minimal fixes, one at a time.

# Fix 1: a 28x28 image leaves 64 x 6 x 6 = 2304 values after the pooling (28 -> 26 -> 24 -> 6), not 64 x 16 x 16.
class NetFixed(Net):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64 * 6 * 6, 100)


def _article_codes(tensor, bit):
    # the article's arithmetic, unchanged: (w / 255) * 2^bit, rounded, to int, clamped to [0, 255], to uint8
    return torch.round((tensor / 255.0) * 2**bit).to(torch.int).clamp_(0, 255).to(torch.uint8)


# Fix 2: nn.Parameter() of a uint8 tensor needs requires_grad=False (integers cannot have gradients).
def quantize_fix2(model, bit):
    for name, module in model.named_modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            module.weight = nn.Parameter(_article_codes(module.weight.data, bit), requires_grad=False)
    # (still no `return model`: quantize() returns None, as printed)


# Fix 4: cast the uint8 codes back to float so that the float input can be multiplied with them. This is the only
# version of the article's quantize() that runs; the course measures it (ArticleQuantizer in Java).
def quantize_fix4(model, bit):
    for name, module in model.named_modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            module.weight = nn.Parameter(_article_codes(module.weight.data, bit).float(), requires_grad=False)
    return model  # Fix 3: return the model, so that `quantized_net = quantize(net, 8)` is a network, not None


def failure(step, action):
    try:
        action()
    except Exception as e:  # noqa: BLE001 - the point is to show whatever the listing raises
        first = str(e).strip().splitlines()[0] if str(e).strip() else ''
        print(f'  {step}: {type(e).__name__}: {first}')
        return f'{type(e).__name__}: {first}'
    print(f'  {step}: ran without an error')
    return None


# ---------------------------------------------------------------------------------------------------------------
# The corrected quantizer (the course's conventions), through PyTorch's own fake_quantize.
def corrected(weight, scheme, per_channel, bits):
    w = weight.detach()
    dims = tuple(range(1, w.dim()))
    lo = (w.amin(dim=dims) if per_channel else w.min()).clamp(max=0)
    hi = (w.amax(dim=dims) if per_channel else w.max()).clamp(min=0)
    if scheme == 'symmetric' and bits == 1:  # binary: sign(w) * mean|w| (XNOR-Net's scale); sign(0) = +1
        alpha = w.abs().mean(dim=dims, keepdim=True) if per_channel else w.abs().mean()
        return torch.where(w >= 0, alpha, -alpha).expand_as(w).clone()
    if scheme == 'symmetric':
        qmin, qmax = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        scale = torch.maximum(-lo, hi) / qmax
        zero_point = torch.zeros_like(scale, dtype=torch.int32)
    else:
        qmin, qmax = 0, (1 << bits) - 1
        scale = (hi - lo) / (qmax - qmin)
        scale = torch.where(scale > 0, scale, torch.ones_like(scale))
        zero_point = (qmin - torch.round(lo / scale)).clamp(qmin, qmax).to(torch.int32)
    scale = torch.where(scale > 0, scale, torch.ones_like(scale)).float()
    if per_channel:  # axis 0 is the output channel of both Conv2d [out, in, kh, kw] and Linear [out, in] in torch
        return torch.fake_quantize_per_channel_affine(w, scale, zero_point, 0, qmin, qmax)
    return torch.fake_quantize_per_tensor_affine(w, float(scale), int(zero_point), qmin, qmax)


def quantized_copy(net, transform):
    q = copy.deepcopy(net)
    with torch.no_grad():
        for module in q.modules():
            if isinstance(module, (nn.Conv2d, nn.Linear)):
                module.weight.copy_(transform(module.weight))
    return q


def accuracy(model, test_data):
    correct = total = 0
    with torch.no_grad():
        for inputs, labels in test_data:
            correct += (model(inputs).argmax(1) == labels).sum().item()
            total += labels.size(0)
    return correct / total


def main(out_csv):
    dataset = os.environ.get('COURSE_DATASET', '').strip() or 'mnist-sample'
    directory = DATASET_DIRS.get(dataset)
    if directory is None or not os.path.isdir(directory):
        sys.exit(f'data set {dataset!r} not found (known: {", ".join(DATASET_DIRS)}; looked in {directory})')
    seed = knob('COURSE_SEED', 42)
    epochs = knob('PYTORCH_REFERENCE_EPOCHS', 10)
    torch.manual_seed(seed)
    torch.set_num_threads(knob('PYTORCH_REFERENCE_THREADS', max(1, min(2, os.cpu_count() or 1))))
    train_images, train_labels = load_split('train', knob('COURSE_TRAIN_LIMIT', 0), directory)
    test_images, test_labels = load_split('t10k', knob('COURSE_TEST_LIMIT', 0), directory)
    print(f'torch {torch.__version__}; {dataset}: {len(train_labels)} training / {len(test_labels)} test images; '
          f'SGD lr 0.01, batch 64 (the course\'s assumption), {epochs} epochs, seed {seed}')
    criterion = nn.CrossEntropyLoss()
    test_data = batches(test_images, test_labels, 500)
    inputs, labels = train_images[:64], train_labels[:64]

    print('\nThe listing as written, in order:')
    failure('1. training the Net as printed', lambda: criterion(Net()(inputs), labels).backward())

    net = NetFixed()  # fix 1
    optimizer = optim.SGD(net.parameters(), lr=0.01)
    generator = torch.Generator().manual_seed(seed)
    start = time.time()
    for epoch in range(epochs):
        for i, (x, y) in enumerate(batches(train_images, train_labels, 64, generator)):
            outputs = net(x)
            loss = criterion(outputs, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f'     (fix 1: fc1 = Linear(64*6*6, 100)) epoch {epoch + 1}: loss {loss.item():.3f}, '
              f'test accuracy {accuracy(net, test_data):.3f} ({time.time() - start:.0f} s)')
    fp32 = accuracy(net, test_data)

    failure('2. quantize(net, 8) as printed', lambda: quantize(copy.deepcopy(net), 8))
    as_printed = copy.deepcopy(net)

    def call_the_result():
        quantized_net = quantize_fix2(as_printed, 8)  # fix 2: requires_grad=False
        quantized_net(inputs)
    failure('3. quantized_net = quantize(net, 8) (with fix 2: requires_grad=False); quantized_net(inputs)',
            call_the_result)
    failure('4. testing net itself after the in-place change', lambda: as_printed(inputs))
    article = {b: accuracy(quantize_fix4(copy.deepcopy(net), b), test_data) for b in range(1, 9)}
    print('  fix 3 + 4 (return the model, cast the codes to float): it runs; accuracy by bits: '
          + ', '.join(f'{b}: {a:.3f}' for b, a in article.items()))

    rows = []
    for bits in range(1, 9):
        for method in METHODS:
            if method == "article's quantize()":
                acc = article[bits]
            else:
                scheme, grain = method.split()
                acc = accuracy(quantized_copy(net, lambda w: corrected(w, scheme, grain == 'per-channel', bits)),
                               test_data)
            rows.append({'method': method, 'bits': bits, 'accuracy': round(acc, 6), 'fp32 accuracy': round(fp32, 6),
                         'dataset': dataset, 'training images': len(train_labels)})
    os.makedirs(os.path.dirname(os.path.abspath(out_csv)), exist_ok=True)
    tmp = out_csv + '.part'
    with open(tmp, 'w', newline='') as f:
        writer = csv.DictWriter(f, fieldnames=['method', 'bits', 'accuracy', 'fp32 accuracy', 'dataset',
                                               'training images'])
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, out_csv)
    print(f'\nFP32 {fp32:.4f}. Accuracy by bits (rows) and method:')
    print('bits | ' + ' | '.join(METHODS))
    for bits in range(1, 9):
        print(f'{bits:4d} | ' + ' | '.join(f"{r['accuracy']:.3f}" for r in rows if r['bits'] == bits))
    print('written to', out_csv)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'results', 'pytorch_reference.csv'))
