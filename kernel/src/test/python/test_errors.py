"""Errors stand out and say what to do: red headlines, no empty "location: class", clear messages for bad display
arguments, and advice for a class poisoned by a failed or interrupted static initializer."""
import os
import subprocess
import tempfile
import textwrap
import unittest

import kernel_env
from kernel_env import run, text_of

RED = "\x1b[1;31m"

BROKEN_LIB_SOURCE = textwrap.dedent("""
    package brokenlib;
    public final class BrokenInit {
        public static final long READY = Long.parseLong(System.getProperty("brokenlib.ready", "not a number"));
    }
""")


class ErrorOutputTests(kernel_env.KernelSessionTest):

    def test_the_exception_headline_is_red_and_name_and_value_stay_plain(self):
        reply, outputs = run(self.kc, 'throw new IllegalStateException("boom");')
        self.assertEqual(reply["status"], "error")
        self.assertTrue(reply["traceback"][0].startswith(RED), reply["traceback"])
        self.assertIn("IllegalStateException: boom", reply["traceback"][0])
        self.assertNotIn("\x1b", reply["ename"] + reply["evalue"])
        error = [m for m in outputs if m["msg_type"] == "error"][0]["content"]
        self.assertEqual(error["traceback"], reply["traceback"], "the published error is the same")

    def test_compile_errors_are_red_and_name_no_empty_location(self):
        reply, _ = run(self.kc, "int y = undefinedThing + 1;")
        self.assertEqual(reply["ename"], "CompilationException")
        text = "\n".join(reply["traceback"])
        self.assertTrue(reply["traceback"][0].startswith(RED), reply["traceback"])
        self.assertIn("symbol:   variable undefinedThing", text)
        self.assertNotRegex(text, r"location: class\s*(\n|$)", "a location without a class name says nothing")

    def test_a_null_mime_type_is_a_clear_error(self):
        reply, _ = run(self.kc, 'display("x", (String) null);')
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "IllegalArgumentException")
        self.assertIn("MIME type #1 is null", reply["evalue"])

    def test_a_class_whose_initializer_failed_says_to_run_its_cell_again(self):
        run(self.kc, 'class Brittle { static int value = Integer.parseInt("x"); }')
        run(self.kc, "Brittle.value")
        reply, _ = run(self.kc, "Brittle.value")
        self.assertEqual(reply["ename"], "NoClassDefFoundError")
        text = "\n".join(reply["traceback"])
        self.assertIn("Run the cell that declares Brittle again", text)
        run(self.kc, "class Brittle { static int value = 3; }")
        reply, outputs = run(self.kc, "Brittle.value")
        self.assertEqual(text_of(outputs), "3", "redefining the class as advised fixes it")


class FailedLibraryInitializerTests(unittest.TestCase):
    """A library class whose static initializer threw stays unusable; the kernel says to restart. (An interrupt can no
    longer leave a class in that state: test_interrupt checks that the forced stop waits for the initializer.)"""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kernel_env.start_kernel()
        cls.libdir = tempfile.mkdtemp(prefix="brokenlib-")
        src = os.path.join(cls.libdir, "BrokenInit.java")
        with open(src, "w") as f:
            f.write(BROKEN_LIB_SOURCE)
        javac = os.path.join(os.path.dirname(os.path.realpath(kernel_env.JAVA)), "javac")
        subprocess.run([javac if os.path.exists(javac) else "javac", "-d", os.path.join(cls.libdir, "classes"), src],
                       check=True)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def test_a_library_class_whose_initializer_failed_tells_the_student_to_restart(self):
        run(self.kc, "%classpath " + os.path.join(self.libdir, "classes"))
        reply, _ = run(self.kc, "long ready = brokenlib.BrokenInit.READY;")
        self.assertEqual(reply["ename"], "ExceptionInInitializerError", reply)
        reply, _ = run(self.kc, "brokenlib.BrokenInit.READY")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "NoClassDefFoundError")
        text = "\n".join(reply["traceback"])
        self.assertIn("Restart the kernel", text)
        self.assertIn("brokenlib.BrokenInit", text)


if __name__ == "__main__":
    unittest.main()
