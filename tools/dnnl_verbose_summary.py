#!/usr/bin/env python3
"""Sums oneDNN's verbose primitive timings (DNNL_VERBOSE=1 / ONEDNN_VERBOSE=1) per primitive, per step.

Reads the program's stdout (a file or -), keeps the `dnnl_verbose,exec,...` / `onednn_verbose,exec,...` lines
between the lines START and END (default: the whole input), groups them by primitive kind, propagation kind and
problem (e.g. `convolution backward_weights mb64_ic32oc64_...`), and prints milliseconds per step for each group,
the reorders together, and the total. Divide by the measured wall time per step to get oneDNN's share.

Usage: python3 tools/dnnl_verbose_summary.py LOG --steps 20 [--start MARK-START --end MARK-END]
"""
import argparse
import collections
import sys


def exec_lines(lines, start, end):
    inside = start is None
    for line in lines:
        text = line.strip()
        if start is not None and text == start:
            inside = True
        elif end is not None and text == end:
            inside = False
        elif inside and (text.startswith('dnnl_verbose,exec,') or text.startswith('onednn_verbose,exec,')):
            yield text.split(',')


def group(fields):
    """(kind, propagation, problem) of one exec line; all reorders of one shape share a group."""
    kind, propagation, problem = fields[3], fields[5], fields[-2]
    return kind, propagation, problem


def summary(lines, steps, start=None, end=None):
    totals = collections.OrderedDict()
    for fields in exec_lines(lines, start, end):
        key = group(fields)
        totals[key] = totals.get(key, 0.0) + float(fields[-1])
    return {key: ms / steps for key, ms in totals.items()}


def report(per_step):
    rows = sorted(per_step.items(), key=lambda item: -item[1])
    out = [f'{"ms/step":>8}  primitive']
    out += [f'{ms:8.2f}  {kind} {propagation} {problem}' for (kind, propagation, problem), ms in rows]
    reorders = sum(ms for (kind, _, _), ms in rows if kind == 'reorder')
    out.append(f'{reorders:8.2f}  all reorders')
    out.append(f'{sum(per_step.values()):8.2f}  total oneDNN')
    return '\n'.join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('log', help='stdout of the program run with DNNL_VERBOSE=1, or - for stdin')
    parser.add_argument('--steps', type=int, required=True, help='training steps between the markers')
    parser.add_argument('--start', help='line that starts the measured part')
    parser.add_argument('--end', help='line that ends the measured part')
    args = parser.parse_args()
    if args.steps <= 0:
        sys.exit('--steps must be a positive number of training steps')
    stream = sys.stdin if args.log == '-' else open(args.log, encoding='utf-8', errors='replace')
    with stream:
        per_step = summary(stream, args.steps, args.start, args.end)
    if not per_step:
        sys.exit(f'{args.log} has no oneDNN exec lines: run the program with DNNL_VERBOSE=1')
    print(report(per_step))


if __name__ == '__main__':
    main()
