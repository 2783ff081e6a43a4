#!/usr/bin/env python3
"""Regenerates the results section of README.md from the CSV files the notebooks wrote under build/results/.

Replaces everything between the markers
    <!-- results:begin (tools/results_table.py) -->
    <!-- results:end -->
with the FP32 accuracies (notebook 04's training histories), the accuracy-vs-bits table (notebook 06's sweep),
the PyTorch reference table (reference/article_in_pytorch.py) when present, and the machine that made them.

Usage: python3 tools/results_table.py [--readme README.md] [--results build/results] [--check]
--check exits 1 (and changes nothing) when README.md is not what the CSVs give.
"""
import argparse
import csv
import os
import platform
import sys
from pathlib import Path

BEGIN = '<!-- results:begin (tools/results_table.py) -->'
END = '<!-- results:end -->'
METHODS = ['symmetric per-tensor', 'symmetric per-channel', 'asymmetric per-tensor', 'asymmetric per-channel',
           "article's quantize()"]
HEADER = ['bits', 'sym/tensor', 'sym/channel', 'asym/tensor', 'asym/channel', "article's `quantize()`"]
BITS = [1, 2, 3, 4, 8]


def read(path):
    if not path.is_file():
        sys.exit(f'{path} is missing: run ./course run (the notebooks write it) before tools/results_table.py')
    with path.open(newline='') as f:
        return list(csv.DictReader(f))


def percent(value):
    return f'{100 * float(value):.1f}'


def lookup(rows, method, bits):
    for row in rows:
        if row['method'] == method and int(row['bits']) == bits:
            return row
    sys.exit(f'no row for {method} at {bits} bits')


def final_test_accuracy(rows):
    return percent(rows[-1]['test accuracy'])


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path('/proc/cpuinfo').read_text().splitlines():
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    except OSError:
        pass
    return f'{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}'


def table(rows, with_size):
    out = ['| ' + ' | '.join(HEADER + (['size vs FP32'] if with_size else [])) + ' |',
           '|' + '---|' * (len(HEADER) + (1 if with_size else 0))]
    for bits in BITS:
        cells = [str(bits)]
        for method in METHODS:
            cell = percent(lookup(rows, method, bits)['accuracy'])
            cells.append(cell + (' (binary)' if bits == 1 and method.startswith('symmetric') else ''))
        if with_size:
            ratio = float(lookup(rows, 'symmetric per-channel', bits)['compression'])
            cells.append(f'{ratio:.1f}× smaller')
        out.append('| ' + ' | '.join(cells) + ' |')
    return out


def section(results):
    sweep = read(results / '06_accuracy_vs_bit_width.csv')
    article = read(results / '04_history_article_settings.csv')
    improved = read(results / '04_history_improved_settings.csv')
    lines = [BEGIN,
             f'- FP32 test accuracy of the corrected CNN: **{final_test_accuracy(article)}%** with the article\'s'
             f' settings (SGD 0.01, {len(article)} epochs) and **{final_test_accuracy(improved)}%** with Adam and a'
             f' cosine-decayed learning rate ({len(improved)} epochs; the course\'s model).',
             '- Weight-only post-training quantization of the course\'s model, test accuracy (%) and stored size'
             ' (symmetric per-channel):', '']
    lines += table(sweep, True)
    torch_csv = results / 'pytorch_reference.csv'
    if torch_csv.is_file():
        torch_rows = read(torch_csv)
        lines += ['', 'The article\'s example in PyTorch on the same data (`reference/article_in_pytorch.py`, plain SGD,'
                  f' FP32 {percent(torch_rows[0]["fp32 accuracy"])}%), test accuracy (%):', '']
        lines += table(torch_rows, False)
    lines += ['', f'Made by `tools/results_table.py` from `build/results/*.csv` on: {machine()}.', END]
    return '\n'.join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument('--readme', type=Path, default=root / 'README.md')
    parser.add_argument('--results', type=Path, default=root / 'build' / 'results')
    parser.add_argument('--check', action='store_true', help='fail if README.md differs from the CSVs')
    args = parser.parse_args()
    text = args.readme.read_text()
    if BEGIN not in text or END not in text:
        sys.exit(f'{args.readme} has no {BEGIN} ... {END} markers')
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = head + section(args.results) + tail
    if args.check:
        same = new == text
        print('README.md results match build/results' if same else 'README.md results differ from build/results')
        sys.exit(0 if same else 1)
    args.readme.write_text(new)
    print(f'{args.readme}: results section regenerated from {args.results}')


if __name__ == '__main__':
    main()
