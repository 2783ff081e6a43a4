#!/usr/bin/env python3
"""Regenerates the CSV-made tables of bench/README.md from build/bench/*.csv.

Three sections, each between its markers (`<!-- bench-NAME:begin (tools/bench_table.py) -->` ...
`<!-- bench-NAME:end -->`):

* `training`: TrainingBenchmark's `training.csv`, **one table per CPU**. The section is a list of blocks, each opened
  by a line `#### CPU: <model>`; a run replaces only the block of its own CPU (the CSV's `cpu` column; with its OMP_*
  settings, column `openmp`, when it ran with some) and keeps the others verbatim (also hand-recorded ones); a CPU
  seen for the first time gets a new block at the end.
* `09`: IntegerInferenceBench's `09_integer_inference.csv` (accuracy, agreements with the fake-quant simulation,
  images/s).
* `10`: IntegerInferenceBench's `10_onnx_runtime.csv` (ONNX Runtime table and int8 / FP32 ratios).

The 09 and 10 CSVs do not name their CPU, so their heading names the machine the tool runs on (model and the ISA
flags that decide int8 speed): run the tool on the machine that ran the benchmark.

Usage: python3 tools/bench_table.py [--readme bench/README.md] [--bench-dir build/bench] [--only training,09,10]
       [--check]
Without --only, every table whose CSV exists is regenerated (missing CSVs are reported and their tables kept);
with --only, a missing CSV is an error. --check exits 1 (and changes nothing) when the README is not what the CSVs
give.
"""
import argparse
import csv
import os
import sys
from pathlib import Path

TOOL = 'tools/bench_table.py'
FLAGS = ['avx2', 'fma', 'avx512f', 'avx512bw', 'avx512_vnni', 'avx_vnni', 'amx_int8', 'amx_tile']
CPU_HEADING = '#### CPU: '
DEFAULT_PATH = 'dl4j-onednn-nhwc'
GOAL_TRAINING, GOAL_SCALING, GOAL_INFERENCE = 1.2, 1.6, 2.0
TRAINING_COLUMNS = ['path', 'threads', 'phase', 'batch', 'images_per_second', 'ratio_to_pytorch', 'gflops_per_second',
                    'peak_gflops', 'fraction_of_peak', 'load_average', 'cpu', 'isa', 'measured_at', 'openmp']
COLUMNS_09 = ['engine', 'accuracy', 'code_agreement', 'argmax_agreement', 'images_per_second']
COLUMNS_10 = ['engine', 'precision', 'batch', 'images_per_second', 'accuracy', 'file_bytes']
PRECISIONS = {'fp32': 'fp32', 'int8': 'int8', 'int8-qdq-u8s8': 'int8 QDQ, int8 weights (U8S8)',
              'int8-qdq-u8u8': 'int8 QDQ, uint8+128 weights (U8U8)'}
ENGINES_09 = {'fake-quant-simulation': 'fake-quant-simulation (double)'}


def markers(name):
    return f'<!-- bench-{name}:begin ({TOOL}) -->', f'<!-- bench-{name}:end -->'


def read(path, columns, producer):
    if not path.is_file():
        raise FileNotFoundError(f'{path} is missing: run org.quantcourse.bench.{producer} first (see bench/README.md)')
    with path.open(newline='') as f:
        rows = list(csv.DictReader(f))
    if not rows or list(rows[0].keys()) != columns:
        sys.exit(f'{path} must have the columns {",".join(columns)} and at least one row; '
                 f'run org.quantcourse.bench.{producer} again to rewrite it')
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


def ratio_text(value):
    return f'{value:.2f}×'


# --- training: one block per CPU --------------------------------------------------------------------------------

def cell(rows, path, threads, phase, batch):
    for row in rows:
        if (row['path'], int(row['threads']), row['phase'], int(row['batch'])) == (path, threads, phase, batch):
            return row
    return None


def main_batches(rows):
    """The batch sizes of PyTorch's rows (the compared ones); 64 and 1,000 when PyTorch was not measured."""
    torch = {r['phase']: int(r['batch']) for r in rows if r['path'].startswith('pytorch')}
    return torch.get('train', 64), torch.get('inference', 1000)


def label(path):
    if path == DEFAULT_PATH:
        return f'**{path}** (default)'
    return f'PyTorch {path.split("-", 1)[1]}' if path.startswith('pytorch-') else path


def measured(row):
    if row is None:
        return ['–'] * 4
    ratio = f'{float(row["ratio_to_pytorch"]):.2f}×' if row['ratio_to_pytorch'] else '–'
    return [f'{float(row["images_per_second"]):,.0f}', ratio, f'{float(row["gflops_per_second"]):.1f}',
            f'{100 * float(row["fraction_of_peak"]):.0f}%']


def training_table(rows):
    train_batch, infer_batch = main_batches(rows)
    out = [f'| path | threads | train img/s (batch {train_batch}) | × PyTorch | GFLOP/s | of peak | '
           f'inference img/s (batch {infer_batch:,}) | × PyTorch | GFLOP/s | of peak | load |',
           '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
    keys = list(dict.fromkeys((r['path'], int(r['threads'])) for r in rows))
    for path, threads in sorted(keys, key=lambda k: k[1]):
        train, infer = cell(rows, path, threads, 'train', train_batch), cell(rows, path, threads, 'inference', infer_batch)
        if train is None and infer is None:
            continue
        load = float((train or infer)['load_average'])
        out.append(f'| {label(path)} | {threads} | ' + ' | '.join(measured(train) + measured(infer)) + f' | {load:.1f} |')
    return out


def other_batches(rows):
    train_batch, infer_batch = main_batches(rows)
    extra = [r for r in rows if int(r['batch']) not in (train_batch if r['phase'] == 'train' else infer_batch,)]
    return [f'- {r["path"]}, {thread_count(int(r["threads"]))}, {r["phase"]} at batch {r["batch"]}: '
            f'{float(r["images_per_second"]):,.0f} img/s ({float(r["gflops_per_second"]):.1f} GFLOP/s, '
            f'{100 * float(r["fraction_of_peak"]):.0f}% of peak)' for r in extra]


def speed(rows, path, threads, phase, batch):
    row = cell(rows, path, threads, phase, batch)
    return float(row['images_per_second']) if row else None


def thread_count(n):
    return f'{n} thread' + ('' if n == 1 else 's')


def goal(value, target):
    return f'{ratio_text(value)} ({"met" if value >= target else "**not met**"})'


def goals(rows):
    train_batch, infer_batch = main_batches(rows)
    torch = next((r['path'] for r in rows if r['path'].startswith('pytorch')), None)
    threads = sorted({int(r['threads']) for r in rows})
    out = []
    if torch:
        for phase, batch, target in (('train', train_batch, GOAL_TRAINING), ('inference', infer_batch, GOAL_INFERENCE)):
            parts = [f'{thread_count(t)} {goal(speed(rows, DEFAULT_PATH, t, phase, batch) / speed(rows, torch, t, phase, batch), target)}'
                     for t in threads if speed(rows, DEFAULT_PATH, t, phase, batch) and speed(rows, torch, t, phase, batch)]
            if parts:
                out.append(f'- Goal {phase} ≥ {target}× PyTorch (default path): ' + ', '.join(parts))
    if 1 in threads and 2 in threads:
        paths = [DEFAULT_PATH] + ([torch] if torch else [])
        parts = []
        for path in paths:
            one, two = speed(rows, path, 1, 'train', train_batch), speed(rows, path, 2, 'train', train_batch)
            if one and two:
                parts.append(f'{label(path)} {goal(two / one, GOAL_SCALING) if path == DEFAULT_PATH else ratio_text(two / one)}')
        if parts:
            out.append(f'- Training 1 → 2 threads (goal ≥ {GOAL_SCALING}× for the default path): ' + ', '.join(parts))
    return out


def block_name(row):
    """The heading of a run's block: its CPU, and its OpenMP settings when it had any (they get their own table)."""
    return row['cpu'] + (f' ({row["openmp"]})' if row['openmp'] else '')


def training_block(rows):
    cpus = {r['cpu'] for r in rows}
    if len(cpus) != 1:
        sys.exit(f'training.csv mixes CPUs {sorted(cpus)}: one run, one CPU')
    first = rows[0]
    loads = [float(r['load_average']) for r in rows]
    peak = float(first['peak_gflops']) / int(first['threads'])
    lines = [CPU_HEADING + block_name(first), '',
             f'ISA: {first["isa"] or "no AVX"}; FP32 peak {peak:.1f} GFLOP/s per core at the nominal clock. '
             f'Run of {first["measured_at"]}, load average {min(loads):.1f}–{max(loads):.1f} (1 minute, at the end '
             f'of each measuring process). GFLOP/s count a training image as 3 × forward FLOPs.', '']
    lines += training_table(rows) + ['']
    notes = other_batches(rows) + goals(rows)
    return lines + notes + ([''] if notes else []) + [f'Made by `{TOOL}` from `build/bench/training.csv`.', '']


def split_blocks(body):
    """{cpu: block text} of a training section, in order; text before the first heading is kept as ''."""
    blocks, current, name = {}, [], ''
    for line in body.split('\n'):
        if line.startswith(CPU_HEADING):
            blocks[name] = current
            current, name = [], line[len(CPU_HEADING):].strip()
        current.append(line)
    blocks[name] = current
    return {key: '\n'.join(lines) for key, lines in blocks.items()}


def training_section(body, rows):
    blocks = split_blocks(body)
    new = '\n'.join(training_block(rows))
    blocks[block_name(rows[0])] = new
    head = blocks.pop('', '').strip('\n')
    parts = ([head] if head else []) + [text.strip('\n') for text in blocks.values()]
    return '\n' + '\n\n'.join(parts) + '\n'


# --- 09 and 10 -----------------------------------------------------------------------------------------------------

def fraction(text):
    if not text:
        return '–'
    value = float(text)
    return '1 (all equal)' if value == 1 else f'{value:.4f}'


def section_09(_body, rows):
    out = ['', f'Measured on: {machine()}.', '',
           '| engine | accuracy | code agreement | argmax agreement | images/s (batch 256) |',
           '| --- | ---: | ---: | ---: | ---: |']
    for r in rows:
        out.append(f'| {ENGINES_09.get(r["engine"], r["engine"])} | {100 * float(r["accuracy"]):.2f}% | '
                   f'{fraction(r["code_agreement"])} | {100 * float(r["argmax_agreement"]):.2f}% | '
                   f'{float(r["images_per_second"]):,.0f} |')
    return '\n'.join(out + ['', f'Made by `{TOOL}` from `build/bench/09_integer_inference.csv`.', ''])


def speed_10(rows, engine, precision, batch):
    for row in rows:
        if row['engine'] == engine and row['precision'] == precision and int(row['batch']) == batch:
            return float(row['images_per_second'])
    return None


def ratios_10(rows):
    out = []
    for batch in sorted({int(r['batch']) for r in rows}):
        fp32 = speed_10(rows, 'onnxruntime', 'fp32', batch)
        parts = []
        for precision in ('int8-qdq-u8s8', 'int8-qdq-u8u8'):
            int8 = speed_10(rows, 'onnxruntime', precision, batch)
            if fp32 and int8:
                parts.append(f'{int8 / fp32:.2f}× ({PRECISIONS[precision].split("(")[1].rstrip(")")})')
        if parts:
            out.append(f'- ONNX Runtime int8 / FP32 at batch {batch}: ' + ', '.join(parts))
    return out


def section_10(_body, rows):
    out = ['', f'Measured on: {machine()}.', '', '| engine | precision | batch | images/s | accuracy | file bytes |',
           '| --- | --- | ---: | ---: | ---: | ---: |']
    for r in rows:
        out.append(f'| {r["engine"]} | {PRECISIONS.get(r["precision"], r["precision"])} | {r["batch"]} | '
                   f'{float(r["images_per_second"]):,.0f} | {100 * float(r["accuracy"]):.2f}% | '
                   f'{int(r["file_bytes"]):,} |')
    return '\n'.join(out + [''] + ratios_10(rows) + ['', f'Made by `{TOOL}` from `build/bench/10_onnx_runtime.csv`.', ''])


TABLES = {  # name: (csv file, columns, benchmark, section maker)
    'training': ('training.csv', TRAINING_COLUMNS, 'TrainingBenchmark', training_section),
    '09': ('09_integer_inference.csv', COLUMNS_09, 'IntegerInferenceBench', section_09),
    '10': ('10_onnx_runtime.csv', COLUMNS_10, 'IntegerInferenceBench', section_10),
}


def replace(text, name, rows, readme):
    begin, end = markers(name)
    if begin not in text or end not in text:
        sys.exit(f'{readme} has no {begin} ... {end} markers: add them where the {name} table belongs')
    head, rest = text.split(begin, 1)
    body, tail = rest.split(end, 1)
    return head + begin + TABLES[name][3](body, rows) + end + tail


def regenerate(text, bench_dir, names, required, readme):
    """The README text with the named tables regenerated, and the names of the tables that were."""
    done = []
    for name in names:
        file, columns, producer, _ = TABLES[name]
        try:
            rows = read(bench_dir / file, columns, producer)
        except FileNotFoundError as missing:
            if required:
                sys.exit(str(missing))
            print(f'{name}: kept as it is ({missing})')
            continue
        text = replace(text, name, rows, readme)
        done.append(name)
    return text, done


def main(argv=None):
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--readme', type=Path, default=root / 'bench' / 'README.md')
    parser.add_argument('--bench-dir', type=Path, default=root / 'build' / 'bench')
    parser.add_argument('--only', help='comma-separated tables: ' + ','.join(TABLES))
    parser.add_argument('--check', action='store_true', help='fail if the README differs from the CSVs')
    args = parser.parse_args(argv)
    names = args.only.split(',') if args.only else list(TABLES)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        sys.exit(f'unknown table(s) {",".join(unknown)}; choose from {",".join(TABLES)}')
    text = args.readme.read_text()
    new, done = regenerate(text, args.bench_dir, names, args.only is not None, args.readme)
    if args.check:
        same = new == text
        print(f'{args.readme} matches {args.bench_dir}' if same else f'{args.readme} differs from {args.bench_dir}')
        sys.exit(0 if same else 1)
    args.readme.write_text(new)
    print(f'{args.readme}: {", ".join(done) or "nothing"} regenerated from {args.bench_dir}')


if __name__ == '__main__':
    main()
