#!/usr/bin/env python3
"""Build the course site from executed notebooks: a course map, one page and one slide deck per notebook.

    build/site/index.html                 the course map: notebooks in order, goals, measured time, result tables
    build/site/NN_topic.html              each executed notebook (nbconvert, lab template) with previous/next links
    build/site/slides/NN_topic.slides.html  each notebook as a reveal.js deck (nbconvert --to slides)
    build/site/notebooks/NN_topic.ipynb   the executed notebooks, to download
    build/site/results/*.csv              the result tables the notebooks wrote
    build/site/assets/                    MathJax 2, require.js, jQuery, reveal.js 4 (from npm, see tools/site/package.json)

Nothing is loaded from a CDN or a file:// path, so the folder can be zipped, served by any static server or opened
from disk. The browser assets come from the npm registry, pinned by tools/site/package-lock.json and installed with
`npm ci` into --npm (build/npm) the first time. Notebooks without slide tags are tagged in memory by the rules of
tools/slide_tags.py. Used by `./course run` and by the site's browser test.
"""
import argparse
import csv
import filecmp
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
SITE_FILES = TOOLS / "site"
sys.path.insert(0, str(TOOLS))
import slide_tags  # noqa: E402  (the sibling tool)

try:
    import jinja2
    import nbformat
    from markupsafe import Markup
    from nbconvert import HTMLExporter, SlidesExporter
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
except ImportError as missing:  # pragma: no cover - depends on the machine
    sys.exit(f"build_site: {missing}. It needs nbconvert: on Debian/Ubuntu `apt-get install -y jupyter-nbconvert` "
             "and use /usr/bin/python3; with conda, `conda activate quantcourse`.")

MATHJAX_CONFIG = "?config=TeX-AMS_CHTML-full,Safe"
# The parts of the npm packages a page loads (MathJax 2 with CommonHTML output and its TeX web fonts).
ASSETS = {
    "mathjax": ["MathJax.js", "LICENSE", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "config/local",
                "extensions", "jax/input/TeX", "jax/output/CommonHTML", "jax/output/PreviewHTML", "jax/element",
                "fonts/HTML-CSS/TeX/woff", "fonts/HTML-CSS/TeX/otf", "localization/en"],
    "requirejs": ["require.js", "package.json"],
    "jquery": ["dist/jquery.min.js", "LICENSE.txt"],
    "reveal.js": ["dist", "plugin/notes", "LICENSE"],
}
NOTEBOOK_NAME = re.compile(r"\d\d_.+\.ipynb")
GOALS_HEADING = re.compile(r"^(#{1,6})\s+(learning\s+)?goals?\b|^\*\*(learning\s+)?goals?\b", re.IGNORECASE)
PREVIEW_ROWS = 12
SITE_TITLE = "Quantization in Java — the course"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebooks", type=Path, default=Path("build/notebooks"),
                        help="folder of executed NN_*.ipynb (default build/notebooks)")
    parser.add_argument("--results", type=Path, default=Path("build/results"),
                        help="folder of the result CSV files (default build/results)")
    parser.add_argument("--times", type=Path, help="notebook-times.csv (default: the one in --notebooks)")
    parser.add_argument("--npm", type=Path, default=Path("build/npm"), help="where npm installs the assets")
    parser.add_argument("--out", type=Path, default=Path("build/site"), help="the site folder (default build/site)")
    return parser.parse_args()


def fail(message):
    sys.exit("build_site: " + message)


# ---------------------------------------------------------------- assets

def install_assets(npm_dir):
    """Runs `npm ci` into npm_dir when its lock file differs from tools/site/package-lock.json; returns node_modules."""
    npm_dir.mkdir(parents=True, exist_ok=True)
    lock = npm_dir / "package-lock.json"
    installed = npm_dir / "node_modules" / ".package-lock.json"
    if lock.exists() and installed.exists() and filecmp.cmp(lock, SITE_FILES / "package-lock.json", shallow=False):
        return npm_dir / "node_modules"
    npm = shutil.which("npm")
    if npm is None:
        fail("npm not found; the site bundles MathJax and reveal.js from the npm registry. "
             "Install Node.js and npm (Debian/Ubuntu: apt-get install -y nodejs npm) and run again.")
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(SITE_FILES / name, npm_dir / name)
    print(f"build_site: installing the browser assets with npm ci into {npm_dir}", flush=True)
    done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(npm_dir)])
    if done.returncode != 0:
        fail(f"`npm ci --prefix {npm_dir}` failed (exit {done.returncode}); is the npm registry reachable?")
    return npm_dir / "node_modules"


def copy_assets(node_modules, target):
    """Copies the parts of each npm package the pages load into target/<package>/."""
    for package, parts in ASSETS.items():
        for part in parts:
            source, destination = node_modules / package / part, target / package / part
            if not source.exists():
                fail(f"{source} is missing from the npm package {package}; delete {node_modules} and run again")
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, destination, dirs_exist_ok=True)
            else:
                shutil.copyfile(source, destination)


# ---------------------------------------------------------------- what the course map shows

def markdown_sources(notebook):
    return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]


def title_of(notebook, stem):
    """The notebook's first heading, else its file name."""
    for source in markdown_sources(notebook):
        for line in source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return stem


def goals_of(notebook):
    """The markdown of a 'Goals' section if the notebook has one, else the opening of its first markdown cell."""
    sources = markdown_sources(notebook)
    for index, source in enumerate(sources):
        section = goals_section(source.splitlines())
        if section is not None:
            return section or (sources[index + 1] if index + 1 < len(sources) else "")
    return opening(sources[0]) if sources else ""


def goals_section(lines):
    """The lines under a goals heading up to the next heading of the same or a higher level; None if none."""
    for start, line in enumerate(lines):
        found = GOALS_HEADING.match(line.strip())
        if found:
            level = len(found.group(1) or "######")
            body = []
            for following in lines[start + 1:]:
                marks = len(following) - len(following.lstrip("#"))
                if 0 < marks <= level and following[marks:marks + 1] == " ":
                    break
                body.append(following)
            tail = line.strip().split("**", 2)[-1].lstrip(":").strip() if line.strip().startswith("**") else ""
            return "\n".join(([tail] if tail else []) + body).strip()
    return None


def opening(source, at_least=300):
    """The first paragraphs of a markdown cell after its title, up to at_least characters or a code block."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", source) if block.strip()]
    taken = []
    for block in blocks:
        if block.startswith("#") and not taken:
            block = "\n".join(block.splitlines()[1:]).strip()
            if not block:
                continue
        if block.startswith("```") or sum(map(len, taken)) >= at_least:
            break
        taken.append(block)
    return "\n\n".join(taken)


def read_times(path):
    """The last recorded (seconds, status) per notebook file name in notebook-times.csv."""
    if path is None or not path.is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["notebook"]: (float(row["seconds"]), row["status"]) for row in csv.DictReader(handle)}


def duration(seconds):
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def read_table(path, href):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    return {"name": path.name, "stem": path.stem, "href": href, "columns": header, "rows": len(body),
            "preview": body[:PREVIEW_ROWS]}


# ---------------------------------------------------------------- pages and slides

def tagged(path):
    """The notebook at path; slide tags added by tools/slide_tags.py's rules when it has none."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not any("slideshow" in cell.get("metadata", {}) for cell in raw.get("cells", [])):
        slide_tags.tag(raw)
    return nbformat.reads(json.dumps(raw), as_version=4)


def exporters():
    templates = [str(SITE_FILES / "templates")]
    page = HTMLExporter(template_name="course_page", extra_template_basedirs=templates,
                        mathjax_url="assets/mathjax/MathJax.js" + MATHJAX_CONFIG,
                        require_js_url="assets/requirejs/require.js")
    slides = SlidesExporter(template_name="course_slides", extra_template_basedirs=templates,
                            mathjax_url="../assets/mathjax/MathJax.js" + MATHJAX_CONFIG,
                            require_js_url="../assets/requirejs/require.js",
                            jquery_url="../assets/jquery/dist/jquery.min.js",
                            reveal_url_prefix="../assets/reveal.js", reveal_theme="white", reveal_scroll=True)
    return page, slides


def entry(path, times, results):
    notebook = tagged(path)
    seconds, status = times.get(path.name, (None, "not timed"))
    prefix = path.name[:3]
    return {"path": path, "notebook": notebook, "stem": path.stem, "title": title_of(notebook, path.stem),
            "goals_html": markdown2html_mistune(goals_of(notebook)),
            "time": duration(seconds) if seconds is not None else None, "status": status,
            "page": path.stem + ".html", "slides": f"slides/{path.stem}.slides.html",
            "download": f"notebooks/{path.name}",
            "results": [table for table in results if table["name"].startswith(prefix)]}


def write_pages(entries, out):
    page_exporter, slides_exporter = exporters()
    (out / "slides").mkdir(parents=True, exist_ok=True)
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    for index, nb in enumerate(entries):
        link = lambda other: {"href": other["page"], "title": other["title"]}  # noqa: E731
        course = {"index": "index.html", "slides": nb["slides"], "download": nb["download"],
                  "previous": link(entries[index - 1]) if index > 0 else None,
                  "next": link(entries[index + 1]) if index + 1 < len(entries) else None}
        resources = {"metadata": {"name": nb["title"]}, "course": course}
        body, _ = page_exporter.from_notebook_node(nb["notebook"], resources=resources)
        (out / nb["page"]).write_text(body, encoding="utf-8")
        resources = {"metadata": {"name": nb["title"]},
                     "course": {"page": "../" + nb["page"], "index": "../index.html"}}
        body, _ = slides_exporter.from_notebook_node(nb["notebook"], resources=resources)
        (out / nb["slides"]).write_text(body, encoding="utf-8")
        shutil.copyfile(nb["path"], out / nb["download"])
        print(f"build_site: {nb['page']} and {nb['slides']}", flush=True)


def write_index(entries, results, args, out):
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SITE_FILES / "templates")),
                                     autoescape=jinja2.select_autoescape(["html", "j2"]))
    for nb in entries:
        nb["goals_html"] = Markup(nb["goals_html"])
    html = environment.get_template("course_index.html.j2").render(
        title=SITE_TITLE, notebooks=entries, results=results, source=args.notebooks.as_posix(),
        times_file=(args.times or args.notebooks / "notebook-times.csv").name,
        mathjax_url="assets/mathjax/MathJax.js" + MATHJAX_CONFIG)
    (out / "index.html").write_text(html, encoding="utf-8")


def check_self_contained(out):
    """Fails when a page loads a script, style or image from outside the site (a CDN, a file:// path)."""
    outside = re.compile(r"""<(?:script|link|img)\b[^>]*?\b(?:src|href)\s*=\s*["']((?:https?:|file:|//)[^"']*)""",
                         re.IGNORECASE)
    for page in sorted(out.rglob("*.html")):
        if page.is_relative_to(out / "assets"):
            continue
        found = outside.findall(page.read_text(encoding="utf-8"))
        if found:
            fail(f"{page} loads {found[0]} from outside the site; give nbconvert a relative URL for it")


def remove_previous(out):
    """Removes pages, decks, notebooks and tables of an earlier build, so none of a renamed notebook is left."""
    for pattern in ("[0-9][0-9]_*.html", "slides/*.html", "notebooks/*.ipynb", "results/*.csv", "index.html"):
        for stale in out.glob(pattern):
            stale.unlink()


def main():
    args = parse_args()
    paths = sorted(p for p in args.notebooks.glob("*.ipynb") if NOTEBOOK_NAME.fullmatch(p.name))
    if not paths:
        fail(f"no executed notebooks (NN_*.ipynb) in {args.notebooks}; execute them first: ./course run")
    node_modules = install_assets(args.npm)
    args.out.mkdir(parents=True, exist_ok=True)
    remove_previous(args.out)
    copy_assets(node_modules, args.out / "assets")
    results = []
    if args.results.is_dir():
        (args.out / "results").mkdir(exist_ok=True)
        for csv_file in sorted(args.results.glob("*.csv")):
            shutil.copyfile(csv_file, args.out / "results" / csv_file.name)
            results.append(read_table(csv_file, "results/" + csv_file.name))
    times = read_times(args.times or args.notebooks / "notebook-times.csv")
    entries = [entry(path, times, results) for path in paths]
    write_pages(entries, args.out)
    write_index(entries, results, args, args.out)
    check_self_contained(args.out)
    print(f"build_site: {len(entries)} pages, {len(entries)} slide decks and the course map in {args.out}/index.html")


if __name__ == "__main__":
    main()
