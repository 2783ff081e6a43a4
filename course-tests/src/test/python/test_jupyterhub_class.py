"""A class on one server: JupyterHub with the course's configuration (hub/), three students at once.

Starts Debian's JupyterHub 3 on 127.0.0.1 with hub/jupyterhub_config.py plus test settings (a dummy authenticator,
the simple local spawner with homes under build/test-hub/home, the course kernel from the private prefix instead of
the system-wide one). Three students log in through the login form, their servers are spawned, and notebook 00 —
each student's own copy, made by hub/student-workspace — runs in each server's Java kernel at the same time,
through the single-user servers' REST and websocket API. Then: every cell ran without error, each student's results
went to their own folder, the shared models were the ones looked up, and nothing in the shared course changed.

Run by JupyterHubClassTest, after the kernel was installed into build/test-jupyter:
    python3 course-tests/src/test/python/test_jupyterhub_class.py
"""
import asyncio
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import unittest
import urllib.parse
import uuid
from pathlib import Path

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[4]
BASE = ROOT / "build" / "test-hub"
KERNELS = ROOT / "build" / "test-jupyter" / "share" / "jupyter"
SHARED = [ROOT / "build" / "models", ROOT / "lib" / "target" / "lib", ROOT / "notebooks", ROOT / "build" / "results"]
USERS = ["ada", "alan", "grace"]
PASSWORD = "class-test"
TOKEN = uuid.uuid4().hex
HUB_START_SECONDS = 90
SPAWN_SECONDS = 180
MESSAGE_SECONDS = 600

CHECKS = {
    "results": "org.quantcourse.course.ProjectPaths.results().toAbsolutePath().normalize().toString()",
    "models": "org.quantcourse.course.CourseModel.cache().directory().toString()",
    "written": 'org.quantcourse.course.ResultsCsv.write(tech.tablesaw.api.Table.create("hub check", '
               'tech.tablesaw.api.IntColumn.create("student", 1)), "hub_check");\n'
               'org.quantcourse.course.ResultsCsv.file("hub_check").toAbsolutePath().toString()',
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def snapshot(folders):
    """Every file under the folders with its size and modification time."""
    files = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                stat = path.stat()
                files[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return files


def config_text(ports):
    return textwrap.dedent(f"""\
        c = get_config()
        load_subconfig({str(ROOT / "hub" / "jupyterhub_config.py")!r})
        c.JupyterHub.ip = "127.0.0.1"
        c.JupyterHub.port = {ports["public"]}
        c.JupyterHub.hub_ip = "127.0.0.1"
        c.JupyterHub.hub_port = {ports["hub"]}
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy"]}"
        c.JupyterHub.db_url = "sqlite:///{BASE / "hub.sqlite"}"
        c.JupyterHub.cookie_secret_file = {str(BASE / "cookie_secret")!r}
        c.JupyterHub.pid_file = {str(BASE / "hub.pid")!r}
        c.JupyterHub.authenticator_class = "dummy"
        c.DummyAuthenticator.password = {PASSWORD!r}
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = {str(BASE / "home" / "{username}")!r}
        c.Spawner.args = ["--allow-root"] if {os.geteuid() == 0} else []   # the simple spawner runs as the hub's user
        c.Spawner.environment["JUPYTER_PATH"] = {str(KERNELS)!r}
        c.JupyterHub.services = [{{"name": "class-test", "api_token": {TOKEN!r}}}]
        c.JupyterHub.load_roles = [{{"name": "class-test", "services": ["class-test"],
                                     "scopes": ["admin:users", "admin:servers", "access:servers"]}}]
        """)


class JupyterHubClassTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        if not (KERNELS / "kernels" / "java" / "kernel.json").is_file():
            raise AssertionError(f"no course kernel in {KERNELS}: install it first (JupyterHubClassTest does)")
        shutil.rmtree(BASE, ignore_errors=True)
        BASE.mkdir(parents=True)
        cls.ports = {name: free_port() for name in ("public", "hub", "proxy")}
        (BASE / "jupyterhub_config.py").write_text(config_text(cls.ports), encoding="utf-8")
        cls.url = f"http://127.0.0.1:{cls.ports['public']}"
        cls.shared_before = snapshot(SHARED)
        environment = dict(os.environ, QUANTCOURSE_HOME=str(ROOT))
        cls.log = open(BASE / "hub.log", "w", encoding="utf-8")
        cls.hub = subprocess.Popen(["/usr/bin/python3", "-m", "jupyterhub", "-f", str(BASE / "jupyterhub_config.py")],
                                   cwd=BASE, env=environment, stdout=cls.log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        asyncio.run(cls.wait_for_hub())

    @classmethod
    def tearDownClass(cls):
        cls.hub.send_signal(signal.SIGTERM)
        try:
            cls.hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(cls.hub.pid, signal.SIGKILL)
            cls.hub.wait()
        cls.log.close()

    @classmethod
    async def wait_for_hub(cls):
        deadline = time.monotonic() + HUB_START_SECONDS
        while time.monotonic() < deadline:
            if cls.hub.poll() is not None:
                raise AssertionError(f"JupyterHub exited ({cls.hub.returncode}); see {BASE / 'hub.log'}")
            try:
                await AsyncHTTPClient().fetch(cls.url + "/hub/api/")
                return
            except (HTTPClientError, OSError):
                await asyncio.sleep(0.5)
        raise AssertionError(f"JupyterHub did not answer on {cls.url} in {HUB_START_SECONDS} s; see {BASE / 'hub.log'}")

    # ------------------------------------------------------------ the hub and the servers

    async def api(self, method, path, body=None):
        request = HTTPRequest(self.url + path, method=method, headers={"Authorization": f"token {TOKEN}"},
                              body=None if body is None else json.dumps(body), allow_nonstandard_methods=True,
                              request_timeout=120)
        response = await AsyncHTTPClient().fetch(request)
        return json.loads(response.body) if response.body else None

    async def log_in(self, name):
        """Posts the login form as a browser would; returns the hub's login cookie."""
        body = urllib.parse.urlencode({"username": name, "password": PASSWORD})
        request = HTTPRequest(self.url + "/hub/login", method="POST", body=body, follow_redirects=False,
                              headers={"Content-Type": "application/x-www-form-urlencoded"}, request_timeout=120)
        try:
            response = await AsyncHTTPClient().fetch(request, raise_error=False)
        except HTTPClientError as error:
            response = error.response
        cookies = response.headers.get_list("Set-Cookie")
        self.assertEqual(302, response.code, f"{name}: the login form answered {response.code}")
        self.assertTrue(any(c.startswith("jupyterhub-hub-login=") for c in cookies), f"{name}: no login cookie")

    async def spawn(self, name):
        await self.api("POST", f"/hub/api/users/{name}/server")
        deadline = time.monotonic() + SPAWN_SECONDS
        while time.monotonic() < deadline:
            server = (await self.api("GET", f"/hub/api/users/{name}"))["servers"].get("", {})
            if server.get("ready"):
                return
            await asyncio.sleep(1)
        raise AssertionError(f"{name}'s server was not ready in {SPAWN_SECONDS} s; see {BASE / 'hub.log'}")

    async def run_notebook(self, name, notebook):
        """Runs every code cell of the notebook, then CHECKS, in a new Java kernel of the student's server."""
        kernel = await self.api("POST", f"/user/{name}/api/kernels", {"name": "java"})
        url = f"ws://127.0.0.1:{self.ports['public']}/user/{name}/api/kernels/{kernel['id']}/channels"
        # A kernel that is still starting on a busy machine answers the websocket late: wait as long as for any request.
        socket_ = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {TOKEN}"},
                                                      connect_timeout=120, request_timeout=120))
        try:
            session = uuid.uuid4().hex
            cells = [c["source"] for c in notebook["cells"] if c["cell_type"] == "code"]
            failures = []
            for index, code in enumerate(["".join(s) if isinstance(s, list) else s for s in cells]):
                reply, outputs = await execute(socket_, session, name, code)
                if reply.get("status") != "ok":
                    failures.append((index, reply.get("ename"), reply.get("evalue"), outputs[-3:]))
            checks = {}
            for key, code in CHECKS.items():
                reply, outputs = await execute(socket_, session, name, code)
                checks[key] = plain_text(outputs) if reply.get("status") == "ok" else f"failed: {reply}"
            checks["memory"] = server_memory(BASE / "home" / name / "quantcourse" / "notebooks")
            return len(cells), failures, checks
        finally:
            socket_.close()
            await self.api("DELETE", f"/user/{name}/api/kernels/{kernel['id']}")

    async def student(self, name):
        await self.log_in(name)
        await self.spawn(name)
        workspace = BASE / "home" / name / "quantcourse"
        notebook = json.loads((workspace / "notebooks" / "00_setup.ipynb").read_text(encoding="utf-8"))
        started = time.monotonic()
        cells, failures, checks = await self.run_notebook(name, notebook)
        return {"name": name, "workspace": workspace, "cells": cells, "failures": failures, "checks": checks,
                "started": started, "ended": time.monotonic()}

    # ------------------------------------------------------------ the test

    def test_three_students_log_in_and_run_notebook_00_at_once_each_in_their_own_folder(self):
        async def class_session():
            return await asyncio.gather(*(self.student(name) for name in USERS))
        students = asyncio.run(class_session())
        for student in students:
            print(f"{student['name']}: {student['cells']} cells of notebook 00 in "
                  f"{student['ended'] - student['started']:.1f} s, {len(student['failures'])} failed; RSS after it: "
                  f"{student['checks']['memory']}", flush=True)
        for student in students:
            with self.subTest(student=student["name"]):
                self.assertGreater(student["cells"], 5, "notebook 00 has code cells")
                self.assertEqual([], student["failures"], f"{student['name']}: cells that failed")
                own_results = student["workspace"] / "build" / "results"
                self.assertEqual(str(own_results), student["checks"]["results"].strip().strip('"'))
                self.assertEqual(str(own_results / "hub_check.csv"), student["checks"]["written"].strip().strip('"'))
                self.assertTrue((own_results / "hub_check.csv").is_file())
                self.assertEqual(str(ROOT / "build" / "models"), student["checks"]["models"].strip().strip('"'))
        self.assertLess(max(s["started"] for s in students), min(s["ended"] for s in students),
                        "the three notebooks ran at the same time")
        self.assertEqual(self.shared_before, snapshot(SHARED), "a student's session changed the shared course")


async def execute(socket_, session, user, code):
    """Sends one execute_request; returns its reply content and the (msg_type, content) of its outputs."""
    msg_id = uuid.uuid4().hex
    await socket_.write_message(json.dumps({
        "header": {"msg_id": msg_id, "username": user, "session": session, "msg_type": "execute_request",
                   "version": "5.3", "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    reply, outputs, idle = None, [], False
    while reply is None or not idle:
        raw = await asyncio.wait_for(socket_.read_message(), MESSAGE_SECONDS)
        if raw is None:
            raise AssertionError("the kernel's websocket closed")
        if isinstance(raw, bytes):
            continue
        message = json.loads(raw)
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = message["header"]["msg_type"]
        if kind == "execute_reply":
            reply = message["content"]
        elif kind == "status":
            idle = message["content"]["execution_state"] == "idle"
        elif kind in ("stream", "execute_result", "display_data", "error"):
            outputs.append((kind, message["content"]))
    return reply, outputs


def server_memory(notebooks):
    """'server N MiB, kernel N MiB': RSS of the student's single-user server and its kernel (Linux, psutil)."""
    try:
        import psutil
        server = next(p for p in psutil.process_iter(["cmdline", "cwd"])
                      if any("jupyterhub-singleuser" in part for part in p.info["cmdline"] or [])
                      and p.info["cwd"] == str(notebooks))
        kernels = server.children(recursive=True)
        return (f"server {server.memory_info().rss / 2**20:.0f} MiB, "
                f"kernel {sum(k.memory_info().rss for k in kernels) / 2**20:.0f} MiB")
    except (ImportError, StopIteration, OSError) as missing:
        return f"not measured ({missing!r})"


def plain_text(outputs):
    return "".join(c["data"].get("text/plain", "") for kind, c in outputs if kind == "execute_result")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
