"""With the course library on the class path, the kernel renders charts, tables, arrays and live progress.

Run by KernelWithCourseLibraryTest with JUPYTER_PATH pointing at the course kernel installed in a private prefix,
through the kernel's shared test harness (kernel/src/test/python/kernel_env.py).
"""
import os
import unittest

import kernel_env
from kernel_env import contents, result_data, run

NOTEBOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "notebooks")
TIMEOUT = 300


class RichOutputTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kernel_env.start_kernel(cwd=NOTEBOOKS, startup_timeout=120)
        reply, _ = run(cls.kc, "%jars ../lib/target/lib/*.jar", TIMEOUT)
        assert reply["status"] == "ok", reply

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def test_an_xchart_chart_as_the_cell_value_is_a_png(self):
        reply, messages = run(self.kc, 'org.quantcourse.plot.LinePlot.titled("t").line("a", new double[] {1, 2}, new double[] {3, 4}).chart()', TIMEOUT)
        self.assertEqual(reply["status"], "ok", messages)
        data = result_data(messages)[0]
        self.assertIn("image/png", data)
        self.assertIn("text/plain", data)

    def test_a_tablesaw_table_is_an_html_table_plus_text(self):
        reply, messages = run(self.kc, 'tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("a", 1, 2))', TIMEOUT)
        self.assertEqual(reply["status"], "ok", messages)
        data = result_data(messages)[0]
        self.assertIn("<table", data["text/html"])
        self.assertIn("a", data["text/plain"])

    def test_a_table_ending_a_cell_looks_exactly_like_table_html_displayed(self):
        table = ('tech.tablesaw.api.Table.create("scores <8 bit>", tech.tablesaw.api.IntColumn.create("bits", 8, 4), '
                 'tech.tablesaw.api.DoubleColumn.create("accuracy", 0.98765, 0.0000123), '
                 'tech.tablesaw.api.StringColumn.create("scheme", "a&b", "c"))')
        reply, messages = run(self.kc, "var shared = " + table + ";\nshared", TIMEOUT)
        self.assertEqual(reply["status"], "ok", messages)
        as_value = result_data(messages)[0]["text/html"]
        reply, messages = run(self.kc, 'display(org.quantcourse.plot.TableHtml.of(shared), "text/html");', TIMEOUT)
        self.assertEqual(reply["status"], "ok", messages)
        displayed = [c["data"]["text/html"] for c in contents(messages, "display_data")]
        self.assertEqual(displayed, [as_value])
        self.assertIn("<td>0.9877</td>", as_value)

    def test_an_ndarray_is_readable_text_with_its_shape(self):
        reply, messages = run(self.kc, "org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3)", TIMEOUT)
        self.assertEqual(reply["status"], "ok", messages)
        text = result_data(messages)[0]["text/plain"]
        self.assertIn("[2, 3]", text)
        self.assertIn("1.0000", text)

    def test_a_displayed_image_is_a_png(self):
        reply, messages = run(self.kc, "display(org.quantcourse.plot.DigitGrid.of(org.quantcourse.data.MnistSample.load().test(), 10));", TIMEOUT)
        self.assertEqual(reply["status"], "ok", messages)
        self.assertTrue(any("image/png" in c["data"] for c in contents(messages, "display_data")), messages)

    def test_training_progress_updates_one_display_in_place(self):
        code = "\n".join([
            "var tiny = org.quantcourse.data.MnistSample.load().limit(640, 64);",
            "var tinyNet = org.quantcourse.train.ArticleCnn.builder().seed(2).build();",
            "var progress = org.quantcourse.train.NotebookProgress.of(o -> display(o), (id, o) -> updateDisplay(id, o));",
            "org.quantcourse.train.Trainer.builder().epochs(2).listener(progress).build().fit(tinyNet, tiny.train().iterator(64, 2)).completedEpochs()",
        ])
        reply, messages = run(self.kc, code, TIMEOUT)
        self.assertEqual(reply["status"], "ok", messages)
        shown = contents(messages, "display_data")
        updates = contents(messages, "update_display_data")
        self.assertEqual(len(shown), 1, "one progress line is displayed")
        display_id = shown[0]["transient"]["display_id"]
        self.assertTrue(updates, "and then updated in place")
        self.assertTrue(all(u["transient"]["display_id"] == display_id for u in updates))
        self.assertIn("2/2", updates[-1]["data"]["text/plain"], "the last update reports the finished run")


if __name__ == "__main__":
    unittest.main()
