#!/usr/bin/env python3
"""Regenerates the ONNX Runtime table of bench/README.md from build/bench/10_onnx_runtime.csv.

Replaces everything between the markers
    <!-- bench-10:begin (tools/bench_table.py) -->
    <!-- bench-10:end -->
with the table of IntegerInferenceBench's CSV (engine,precision,batch,images_per_second,accuracy,file_bytes), the
int8 / FP32 ratios of ONNX Runtime at every batch size, and the machine the tool runs on (model name and the ISA
flags that decide int8 speed) — run it on the machine that ran the benchmark.

Usage: python3 tools/bench_table.py [--readme bench/README.md] [--csv build/bench/10_onnx_runtime.csv] [--check]
--check exits 1 (and changes nothing) when the README is not what the CSV gives.
"""
import argparse
import csv
import os
import sys
from pathlib import Path

BEGIN = '<!-- bench-10:begin (tools/bench_table.py) -->'
END = '<!-- bench-10:end -->'
COLUMNS = ['engine', 'precision', 'batch', 'images_per_second', 'accuracy', 'file_bytes']
FLAGS = ['avx2', 'fma', 'avx512f', 'avx512bw', 'avx512_vnni', 'avx_vnni', 'amx_int8', 'amx_tile']
PRECISIONS = {'fp32': 'fp32', 'int8': 'int8', 'int8-qdq-u8s8': 'int8 QDQ, int8 weights (U8S8)',
              'int8-qdq-u8u8': 'int8 QDQ, uint8+128 weights (U8U8)'}


def read(path):
    if not path.is_file():
        sys.exit(f'{path} is missing: run org.quantcourse.bench.IntegerInferenceBench first (see bench/README.md)')
    with path.open(newline='') as f:
        rows = list(csv.DictReader(f))
    if not rows or list(rows[0].keys()) != COLUMNS:
        sys.exit(f'{path} must have the columns {",".join(COLUMNS)} and at least one row')
    return rows


def machine():
    model, flags = 'unknown CPU', set()
    try:
        for line in Path('/proc/cpuinfo').read_text().splitlines():
            if line.startswith('model name') and model == 'unknown CPU':
                model = line.split(':', 1)[1].strip()
            elif line.startswith('flags') and not flags:
                flags = set(line.split(':', 1)[1].split())
    except OSError:
        pass
    present = [f for f in FLAGS if f in flags]
    vnni = any(f in flags for f in ('avx512_vnni', 'avx_vnni', 'amx_int8'))
    return f'{model}, {os.cpu_count()} logical CPUs: {" ".join(present) or "no relevant flags"}' + (
        '' if vnni else ' (**no VNNI, no AMX**)')


def speed(rows, engine, precision, batch):
    for row in rows:
        if row['engine'] == engine and row['precision'] == precision and int(row['batch']) == batch:
            return float(row['images_per_second'])
    return None


def table(rows):
    out = ['| engine | precision | batch | images/s | accuracy | file bytes |',
           '| --- | --- | ---: | ---: | ---: | ---: |']
    for row in rows:
        out.append(f'| {row["engine"]} | {PRECISIONS.get(row["precision"], row["precision"])} | {row["batch"]} | '
                   f'{float(row["images_per_second"]):,.0f} | {100 * float(row["accuracy"]):.2f}% | '
                   f'{int(row["file_bytes"]):,} |')
    return out


def ratios(rows):
    out = []
    for batch in sorted({int(r['batch']) for r in rows}):
        fp32 = speed(rows, 'onnxruntime', 'fp32', batch)
        parts = []
        for precision in ('int8-qdq-u8s8', 'int8-qdq-u8u8'):
            int8 = speed(rows, 'onnxruntime', precision, batch)
            if fp32 and int8:
                parts.append(f'{int8 / fp32:.2f}× ({PRECISIONS[precision].split("(")[1].rstrip(")")})')
        if parts:
            out.append(f'- ONNX Runtime int8 / FP32 at batch {batch}: ' + ', '.join(parts))
    return out


def section(rows):
    lines = [BEGIN, f'Measured on: {machine()}.', ''] + table(rows) + [''] + ratios(rows)
    lines += ['', 'Made by `tools/bench_table.py` from `build/bench/10_onnx_runtime.csv`.', END]
    return '\n'.join(lines)


def main():
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--readme', type=Path, default=root / 'bench' / 'README.md')
    parser.add_argument('--csv', type=Path, default=root / 'build' / 'bench' / '10_onnx_runtime.csv')
    parser.add_argument('--check', action='store_true', help='fail if the README differs from the CSV')
    args = parser.parse_args()
    text = args.readme.read_text()
    if BEGIN not in text or END not in text:
        sys.exit(f'{args.readme} has no {BEGIN} ... {END} markers')
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = head + section(read(args.csv)) + tail
    if args.check:
        same = new == text
        print(f'{args.readme} matches {args.csv}' if same else f'{args.readme} differs from {args.csv}')
        sys.exit(0 if same else 1)
    args.readme.write_text(new)
    print(f'{args.readme}: ONNX Runtime table regenerated from {args.csv}')


if __name__ == '__main__':
    main()
