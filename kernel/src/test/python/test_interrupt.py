"""Interrupt (busy loop, Thread.sleep, a library loop on the classpath) and restart, through jupyter_client."""
import os
import subprocess
import tempfile
import textwrap
import threading
import time
import unittest

import kernel_env
from kernel_env import run, collect, text_of, stream_text

SPIN_SOURCE = textwrap.dedent("""
    package spinlib;
    public final class Spin {
        /** Counts until the thread is interrupted, like a well-behaved long computation. */
        public static long untilInterrupted() {
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) { n++; }
            return n;
        }
        /** Never checks for interrupts: only Thread.stop ends it. */
        public static long forever() {
            long n = 0;
            while (true) { n += System.nanoTime() % 3; }
        }
    }
""")

SLOW_INIT_SOURCE = textwrap.dedent("""
    package spinlib;
    public final class SlowInit {
        /** Set by a static initializer that spins for 3 s without looking at interrupts. */
        private static final long VALUE;
        static {
            long end = System.nanoTime() + 3_000_000_000L;
            long n = 0;
            while (System.nanoTime() < end) { n++; }
            VALUE = n > 0 ? 7 : 0;
        }
        public static long value() { return VALUE; }
    }
""")


def interrupt_after(km, seconds):
    timer = threading.Timer(seconds, km.interrupt_kernel)
    timer.start()
    return timer


class InterruptTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kernel_env.start_kernel()
        cls.libdir = tempfile.mkdtemp(prefix="spinlib-")
        sources = []
        for name, text in [("Spin.java", SPIN_SOURCE), ("SlowInit.java", SLOW_INIT_SOURCE)]:
            sources.append(os.path.join(cls.libdir, name))
            with open(sources[-1], "w") as f:
                f.write(text)
        javac = os.path.join(os.path.dirname(os.path.realpath(kernel_env.JAVA)), "javac")
        subprocess.run([javac if os.path.exists(javac) else "javac", "-d", os.path.join(cls.libdir, "classes")]
                       + sources, check=True)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def assert_interrupted(self, code, delay=1.0):
        started = time.time()
        interrupt_after(self.km, delay)
        reply, outputs = run(self.kc, code, timeout=30)
        self.assertEqual(reply["status"], "error", "the interrupted cell must reply with an error")
        self.assertEqual(reply["ename"], "InterruptedException")
        self.assertLess(time.time() - started, delay + 10, "interrupt took too long")
        self.assert_alive_with_state()

    def assert_alive_with_state(self):
        reply, outputs = run(self.kc, "kept + 1")
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(text_of(outputs), "43")

    def setUp(self):
        reply, _ = run(self.kc, "int kept = 42;")
        self.assertEqual(reply["status"], "ok")

    def test_busy_loop_is_interrupted(self):
        self.assert_interrupted("long spins = 0;\nwhile (true) { spins++; }")

    def test_sleep_is_interrupted(self):
        self.assert_interrupted("Thread.sleep(600_000);")

    def test_sleep_swallowing_the_interrupt_is_still_stopped(self):
        self.assert_interrupted(
            "while (true) { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }")

    def test_library_loop_checking_interrupts_is_interrupted(self):
        reply, _ = run(self.kc, "%classpath " + os.path.join(self.libdir, "classes"))
        self.assertEqual(reply["status"], "ok", reply)
        self.assert_interrupted("spinlib.Spin.untilInterrupted()")

    def test_library_loop_ignoring_interrupts_is_stopped(self):
        reply, _ = run(self.kc, "%classpath " + os.path.join(self.libdir, "classes"))
        self.assertEqual(reply["status"], "ok", reply)
        self.assert_interrupted("spinlib.Spin.forever()")

    def test_an_interrupt_never_leaves_a_library_class_half_initialized(self):
        reply, _ = run(self.kc, "%classpath " + os.path.join(self.libdir, "classes"))
        self.assertEqual(reply["status"], "ok", reply)
        interrupt_after(self.km, 0.5)
        reply, _ = run(self.kc, "spinlib.SlowInit.value()", timeout=30)
        self.assertIn(reply["status"], ["ok", "error"], reply)
        reply, outputs = run(self.kc, "spinlib.SlowInit.value()")
        self.assertEqual(reply["status"], "ok", "the class must still be usable: %s" % reply)
        self.assertEqual(text_of(outputs), "7")
        self.assert_alive_with_state()

    def test_output_before_the_interrupt_is_kept(self):
        interrupt_after(self.km, 1.0)
        reply, outputs = run(self.kc, 'System.out.println("before"); while (true) { }', timeout=30)
        self.assertEqual(reply["status"], "error")
        self.assertIn("before", stream_text(outputs))
        self.assert_alive_with_state()


class RestartTests(unittest.TestCase):

    def test_restart_gives_a_fresh_working_session(self):
        km, kc = kernel_env.start_kernel()
        try:
            reply, _ = run(kc, "int before = 1;")
            self.assertEqual(reply["status"], "ok")
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=kernel_env.TIMEOUT)
            reply, outputs = run(kc, "6 * 7")
            self.assertEqual(reply["status"], "ok", reply)
            self.assertEqual(text_of(outputs), "42")
            reply, _ = run(kc, "before")
            self.assertEqual(reply["status"], "error", "variables must not survive a restart")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
