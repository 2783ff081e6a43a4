"""The course site (tools/build_site.py) works in a real browser, served over http and opened from disk.

Serves the site folder on 127.0.0.1 and opens every page and every slide deck in headless Chromium (Debian
`chromium`, `chromium-driver`, `python3-selenium`) with every host but 127.0.0.1 unresolvable, so anything fetched
from a CDN fails. Each page: MathJax typeset every formula (no raw TeX left in the prose), every image loaded, no
console error, every relative link answers 200. One page is also opened from disk (file://).

Run by SiteInBrowserTest:  python3 test_site_in_browser.py --site build/test-site [--screenshots DIR]
"""
import argparse
import functools
import http.server
import json
import shutil
import sys
import tempfile
import threading
import unittest
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

SITE = Path("build/site")
SCREENSHOTS = None
PAGE_LOAD_SECONDS = 60
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,900",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]

# Resolves when MathJax 2 has finished everything it queued at start-up (its first typeset included).
WAIT_FOR_MATHJAX = """
const done = arguments[arguments.length - 1];
const start = Date.now();
(function poll() {
  if (window.MathJax && MathJax.Hub && MathJax.isReady) { MathJax.Hub.Queue(() => done(MathJax.version)); return; }
  if (Date.now() - start > 45000) { done(null); return; }
  setTimeout(poll, 100);
})();
"""
# What MathJax left: formulas found and typeset, TeX errors, and raw TeX still in the rendered prose.
MATH_STATE = r"""
const prose = Array.from(document.querySelectorAll('.jp-RenderedMarkdown, .goals, .jp-RenderedHTMLCommon'));
const walker = (root) => { const texts = []; const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest('script, style, code, pre, .MathJax_CHTML, .MathJax_Preview')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
  while (w.nextNode()) texts.push(w.currentNode.nodeValue); return texts.join(' '); };
const text = prose.map(walker).join('\n');
const raw = [];
for (const pattern of [/\$\$[\s\S]{0,60}/g, /\\begin\{[\s\S]{0,40}/g, /\$[^\s$][^$\n]{0,120}?\$/g, /\\\([\s\S]{0,40}/g]) {
  for (const m of text.matchAll(pattern)) raw.push(m[0]);
}
return {
  formulas: document.querySelectorAll('script[type^="math/tex"]').length,
  typeset: document.querySelectorAll('.MathJax_CHTML[id$="-Frame"]').length,
  errors: Array.from(document.querySelectorAll('.MathJax_CHTML merror, .MathJax_CHTML .mjx-merror, .MathJax_Error'))
      .map((e) => e.textContent.slice(0, 80)),
  raw: raw.slice(0, 5),
};
"""
IMAGES = """
return Array.from(document.images).map((img) => ({src: img.src.slice(0, 80), complete: img.complete,
    width: img.naturalWidth}));
"""
LINKS = "return Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'));"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LoopbackServer(http.server.ThreadingHTTPServer):
    """Serves the site; a browser that drops a connection it no longer needs is not an error."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="site-test-chromium-")
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
    driver.set_script_timeout(PAGE_LOAD_SECONDS)
    return driver, profile


def pages(kind):
    """The site's notebook pages ('pages'), slide decks ('slides') or the course map ('index'), relative paths."""
    if kind == "index":
        return ["index.html"]
    folder = SITE / "slides" if kind == "slides" else SITE
    return sorted(p.relative_to(SITE).as_posix() for p in folder.glob("[0-9][0-9]_*.html"))


def notebook_has_math(page):
    """Whether the notebook behind a page or deck has $ or $$ math in its markdown."""
    stem = Path(page).name.split(".")[0]
    notebook = json.loads((SITE / "notebooks" / (stem + ".ipynb")).read_text(encoding="utf-8"))
    return any("$" in "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")


class SiteInBrowserTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        handler = functools.partial(QuietHandler, directory=str(SITE))
        cls.server = LoopbackServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}/"
        cls.driver, cls.profile = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.profile, ignore_errors=True)
        cls.server.shutdown()
        cls.server.server_close()

    def open(self, url):
        self.driver.get_log("browser")  # drop what earlier pages logged
        self.driver.get(url)
        version = self.driver.execute_async_script(WAIT_FOR_MATHJAX)
        self.assertEqual("2.7.9", version, f"{url}: MathJax 2.7.9 did not load and finish")

    def assert_page_works(self, page):
        url = self.base + page
        self.open(url)
        math = self.driver.execute_script(MATH_STATE)
        self.assertEqual([], math["raw"], f"{page}: raw TeX left in the rendered text")
        self.assertEqual([], math["errors"], f"{page}: MathJax reports TeX errors")
        self.assertEqual(math["formulas"], math["typeset"], f"{page}: not every formula was typeset: {math}")
        if page != "index.html" and notebook_has_math(page):
            self.assertGreater(math["typeset"], 0, f"{page}: the notebook has math but no formula was typeset")
        broken = [img for img in self.driver.execute_script(IMAGES) if not img["complete"] or img["width"] == 0]
        self.assertEqual([], broken, f"{page}: images that did not load")
        severe = [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        self.assertEqual([], severe, f"{page}: console errors")
        self.assert_links_resolve(page, self.driver.execute_script(LINKS))
        if SCREENSHOTS is not None:
            self.driver.save_screenshot(str(SCREENSHOTS / (page.replace("/", "_") + ".png")))
        return math

    def assert_links_resolve(self, page, hrefs):
        for href in hrefs:
            target = urllib.parse.urljoin(self.base + page, href)
            if href.startswith("#") or not target.startswith(self.base):
                continue
            try:
                with urllib.request.urlopen(target.split("#")[0], timeout=10) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            self.assertEqual(200, status, f"{page}: the link {href} answers {status}")

    def test_the_course_map_links_every_page_deck_and_result(self):
        self.assert_page_works("index.html")
        hrefs = set(self.driver.execute_script(LINKS))
        expected = set(pages("pages")) | set(pages("slides"))
        expected |= {"results/" + p.name for p in (SITE / "results").glob("*.csv")}
        self.assertEqual(set(), expected - hrefs, "pages, decks or results the course map does not link")

    def test_every_notebook_page_renders_its_math_images_and_navigation(self):
        names = pages("pages")
        self.assertGreater(len(names), 0, f"no notebook pages in {SITE}")
        for index, page in enumerate(names):
            with self.subTest(page=page):
                self.assert_page_works(page)
                rels = {rel: self.driver.execute_script(
                    f"const a = document.querySelector('nav.course-nav a[rel={rel}]'); "
                    "return a && a.getAttribute('href');") for rel in ("prev", "next")}
                self.assertEqual(names[index - 1] if index > 0 else None, rels["prev"], f"{page}: previous link")
                self.assertEqual(names[index + 1] if index + 1 < len(names) else None, rels["next"],
                                 f"{page}: next link")

    def test_every_slide_deck_starts_reveal_and_renders_its_math(self):
        decks = pages("slides")
        self.assertEqual(len(pages("pages")), len(decks), "one slide deck per notebook page")
        for deck in decks:
            with self.subTest(deck=deck):
                self.assert_page_works(deck)
                ready = WebDriverWait(self.driver, 30).until(lambda d: d.execute_script(
                    "const r = document.querySelector('.reveal.ready');"
                    "return r && document.querySelectorAll('.reveal .slides > section').length;"))
                self.assertGreater(ready, 1, f"{deck}: reveal.js shows a single slide")

    def test_a_page_opened_from_disk_renders_its_math(self):
        page = next((p for p in pages("pages") if notebook_has_math(p)), None)
        self.assertIsNotNone(page, "no notebook page with math to open from disk")
        self.open((SITE / page).resolve().as_uri())
        math = self.driver.execute_script(MATH_STATE)
        self.assertGreater(math["typeset"], 0, f"{page} from disk: no formula typeset")
        self.assertEqual(math["formulas"], math["typeset"], f"{page} from disk: not every formula was typeset")
        self.assertEqual([], math["raw"], f"{page} from disk: raw TeX left")


def main():
    global SITE, SCREENSHOTS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--screenshots", type=Path)
    args, rest = parser.parse_known_args()
    SITE = args.site.resolve()
    if not (SITE / "index.html").is_file():
        sys.exit(f"test_site_in_browser: no site in {SITE}; build it with tools/build_site.py")
    if args.screenshots:
        SCREENSHOTS = args.screenshots.resolve()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    unittest.main(argv=[sys.argv[0], "-v"] + rest)


if __name__ == "__main__":
    main()
