"""An interrupt stops a DL4J training cell between batches; the model and the session survive.

Run by KernelWithCourseLibraryTest with JUPYTER_PATH pointing at the course kernel installed in a private prefix,
through the kernel's shared test harness (kernel/src/test/python/kernel_env.py).
"""
import os
import threading
import time
import unittest

import kernel_env
from kernel_env import all_text

NOTEBOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "notebooks")


def run(kc, code, timeout=300):
    """Executes code, returns (reply content, text of results and streams)."""
    reply, outputs = kernel_env.run(kc, code, timeout)
    return reply, all_text(outputs)


class TrainingInterruptTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kernel_env.start_kernel(cwd=NOTEBOOKS, startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def test_interrupt_stops_fit_between_batches_and_keeps_the_model(self):
        reply, text = run(self.kc, "%jars ../lib/target/lib/*.jar")
        self.assertEqual(reply["status"], "ok", text)
        reply, text = run(self.kc, "\n".join([
            "import org.quantcourse.data.MnistSample;",
            "import org.quantcourse.train.ArticleCnn;",
            "import org.quantcourse.train.Trainer;",
            "var data = MnistSample.load().limit(2000, 200);",
            "var net = ArticleCnn.builder().seed(1).build();",
            "var before = net.params().dup();",
            "var trainer = Trainer.builder().epochs(1000).batchSize(64).seed(1).build();",
            "var testBatch = data.test().iterator(200, 1).next().getFeatures();",
            "testBatch.shape()[0]",
        ]))
        self.assertEqual(reply["status"], "ok", text)

        started = time.time()
        threading.Timer(8.0, self.km.interrupt_kernel).start()
        reply, text = run(self.kc, "var history = trainer.fit(net, data.train().iterator(64, 1));\nString after = \"ran\";")
        elapsed = time.time() - started
        self.assertEqual(reply["status"], "error", "the interrupted cell replies with an error: " + text)
        self.assertEqual(reply["ename"], "InterruptedException")
        self.assertLess(elapsed, 30, "the cell stopped soon after the interrupt")

        reply, text = run(self.kc, "history.interrupted() + \" \" + history.completedEpochs()")
        self.assertEqual(reply["status"], "ok", "fit returned cleanly between batches, so its result exists: " + text)
        self.assertTrue(text.startswith("true"), text)

        reply, text = run(self.kc, "after")
        self.assertEqual(reply["status"], "error", "the statement after the interrupted one did not run")

        reply, text = run(self.kc, "java.util.Arrays.toString(net.output(testBatch).shape()) + \" \" + !net.params().equals(before)")
        self.assertEqual(reply["status"], "ok", text)
        self.assertEqual(text.strip(), "[200, 10] true", "the model is usable and was trained for some batches")


if __name__ == "__main__":
    unittest.main()
