"""The evaluation engine through the protocol, on the JDK given by KERNEL_JAVA: an interrupted loop really stops
(the kernel's CPU goes idle, also on JDK 20+ where Thread.stop throws), compiler errors and redefinitions are
reported, inspection shows Javadoc with the cursor inside a word."""
import os
import threading
import time
import unittest

import kernel_env
from kernel_env import run, text_of, stream_text

IDLE_CPU_SHARE = 0.3
SAMPLE_SECONDS = 3.0


def cpu_seconds(pid):
    """User + system CPU time of a process, from /proc/<pid>/stat."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class EngineTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kernel_env.start_kernel()
        run(cls.kc, "int ready = 1;")  # the JShell session starts in the background: wait for it

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def kernel_pid(self):
        return self.km.provisioner.process.pid

    def test_interrupted_busy_loop_leaves_the_kernel_idle(self):
        timer = threading.Timer(1.0, self.km.interrupt_kernel)
        timer.start()
        reply, _ = run(self.kc, "long spins = 0;\nwhile (true) { spins++; }", timeout=30)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "InterruptedException")
        time.sleep(1.0)
        pid = self.kernel_pid()
        before = cpu_seconds(pid)
        time.sleep(SAMPLE_SECONDS)
        share = (cpu_seconds(pid) - before) / SAMPLE_SECONDS
        self.assertLess(share, IDLE_CPU_SHARE, "the kernel still burns %.0f %% CPU after the interrupt" % (100 * share))
        reply, outputs = run(self.kc, "spins > 0")
        self.assertEqual(text_of(outputs), "true", reply)

    def test_loop_catching_throwable_is_still_stopped(self):
        timer = threading.Timer(1.0, self.km.interrupt_kernel)
        timer.start()
        reply, _ = run(self.kc, "while (true) { try { while (true) { } } catch (Throwable t) { } }", timeout=30)
        self.assertEqual(reply["ename"], "InterruptedException")
        reply, outputs = run(self.kc, "1 + 1")
        self.assertEqual(text_of(outputs), "2", reply)


if __name__ == "__main__":
    unittest.main()
