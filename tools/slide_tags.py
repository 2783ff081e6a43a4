#!/usr/bin/env python3
"""Set every cell's slide type (metadata.slideshow.slide_type) for `nbconvert --to slides`, by fixed rules.

The rules, applied to each notebook from top to bottom, look at the cells' sources only (the notebooks are committed
without outputs), so running the tool again changes nothing:

1. a markdown cell that starts with a `#` or `##` heading opens a new slide ("slide");
2. a markdown cell that starts with a `###` heading opens a new vertical slide below it ("subslide");
3. every other cell joins the current slide ("-"), unless the slide would grow taller than a projected screen
   holds (SLIDE_LINES estimated lines: wrapped text lines, code lines, and OUTPUT_LINES for each code cell's
   output); then it opens a new vertical slide ("subslide").

Only `slideshow.slide_type` is written; other metadata and the file's JSON layout (indent 1, key order, UTF-8) are
kept. Usage: `tools/slide_tags.py notebooks/*.ipynb solutions/*.ipynb` (rewrites what differs),
`--check` (changes nothing; exits 1 and names the notebooks whose tags differ from the rules).
"""
import argparse
import json
import math
import sys
from pathlib import Path

SLIDE_LINES = 26
OUTPUT_LINES = 6
TEXT_COLUMNS = 100


def heading_level(cell):
    """The level of the heading a markdown cell starts with (1 for '#'), or 0."""
    if cell.get("cell_type") != "markdown":
        return 0
    first = next((line.strip() for line in source_lines(cell) if line.strip()), "")
    marks = len(first) - len(first.lstrip("#"))
    return marks if 0 < marks <= 6 and first[marks:marks + 1] == " " else 0


def source_lines(cell):
    source = cell.get("source", "")
    return ("".join(source) if isinstance(source, list) else source).splitlines()


def estimated_lines(cell):
    """How many screen lines a cell takes on a slide: its wrapped source, plus room for a code cell's output."""
    lines = sum(max(1, math.ceil(len(line) / TEXT_COLUMNS)) for line in source_lines(cell))
    return lines + (OUTPUT_LINES if cell.get("cell_type") == "code" else 0)


def slide_types(cells):
    """The slide type of every cell, by the rules in this module's docstring."""
    types, height = [], 0
    for cell in cells:
        level, lines = heading_level(cell), estimated_lines(cell)
        if level in (1, 2):
            kind = "slide"
        elif level == 3:
            kind = "subslide"
        elif types and height + lines > SLIDE_LINES:
            kind = "subslide"
        else:
            kind = "-"
        height = lines if kind != "-" else height + lines
        types.append(kind)
    return types


def tag(notebook):
    """Sets the slide types in a notebook (parsed JSON) in place; returns whether anything changed."""
    changed = False
    for cell, kind in zip(notebook.get("cells", []), slide_types(notebook.get("cells", []))):
        slideshow = cell.setdefault("metadata", {}).setdefault("slideshow", {})
        if slideshow.get("slide_type") != kind:
            slideshow["slide_type"] = kind
            changed = True
    return changed


def process(path, check):
    """Tags one notebook file (or only checks it); returns whether its tags differed from the rules."""
    text = path.read_text(encoding="utf-8")
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as bad:
        sys.exit(f"slide_tags: {path} is not a notebook (invalid JSON: {bad})")
    if not isinstance(notebook, dict) or "cells" not in notebook:
        sys.exit(f"slide_tags: {path} is not a notebook (no 'cells')")
    differs = tag(notebook)
    if differs and not check:
        ending = "\n" if text.endswith("\n") else ""
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + ending, encoding="utf-8")
    return differs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only report notebooks whose tags differ")
    args = parser.parse_args()
    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        sys.exit("slide_tags: no such notebook: " + ", ".join(missing))
    differing = [p for p in args.notebooks if process(p, args.check)]
    verb = "differ from the rules" if args.check else "retagged"
    print(f"slide_tags: {len(differing)} of {len(args.notebooks)} notebook(s) {verb}"
          + "".join(f"\n  {p}" for p in differing))
    if args.check and differing:
        sys.exit(1)


if __name__ == "__main__":
    main()
