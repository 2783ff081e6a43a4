"""Cells that print megabytes, fail in a static initializer, recurse forever or exhaust the heap leave the kernel
alive and answering."""
import time
import unittest

import kernel_env
from kernel_env import run, text_of, stream_text


class RobustnessTests(kernel_env.KernelSessionTest):

    def assert_alive(self):
        reply, outputs = run(self.kc, "6 * 7")
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(text_of(outputs), "42")

    def test_megabytes_of_output_arrive_in_order_and_the_kernel_answers(self):
        lines = 200_000
        started = time.time()
        reply, outputs = run(self.kc, 'for (int i = 0; i < %d; i++) System.out.println("line " + i);' % lines,
                             timeout=120)
        self.assertEqual(reply["status"], "ok")
        text = stream_text(outputs)
        self.assertGreater(len(text), 2_000_000)
        printed = text.splitlines()
        self.assertEqual(len(printed), lines)
        self.assertEqual(printed[0], "line 0")
        self.assertEqual(printed[-1], "line %d" % (lines - 1))
        self.assertLess(len([m for m in outputs if m["msg_type"] == "stream"]), lines / 10,
                        "stream output must be batched")
        self.assertLess(time.time() - started, 60)
        self.assert_alive()

    def test_exception_in_a_static_initializer_is_reported(self):
        reply, _ = run(self.kc, "class Fragile { static int value = Integer.parseInt(\"x\"); }")
        self.assertEqual(reply["status"], "ok")
        reply, _ = run(self.kc, "Fragile.value")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "ExceptionInInitializerError")
        self.assertTrue(any("NumberFormatException" in line for line in reply["traceback"]), reply["traceback"])
        reply, _ = run(self.kc, "Fragile.value")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "NoClassDefFoundError")
        self.assert_alive()

    def test_infinite_recursion_is_a_stack_overflow_error(self):
        reply, _ = run(self.kc, "int down(int n) { return down(n + 1) + 1; }\ndown(0)", timeout=120)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "StackOverflowError")
        self.assertLess(len(reply["traceback"]), 40, "the traceback must stay short")
        self.assert_alive()

    def test_out_of_memory_in_a_cell_is_reported(self):
        code = ("java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                "while (true) { hog.add(new long[1 << 20]); }")
        reply, _ = run(self.kc, "{ " + code + " }", timeout=120)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "OutOfMemoryError")
        self.assert_alive()
        reply, outputs = run(self.kc, "new long[1 << 24].length")
        self.assertEqual(reply["status"], "ok", "memory must be usable again after the failed cell")

    def test_filling_the_heap_with_small_objects_leaves_every_kernel_thread_serving(self):
        code = ("java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                "while (true) { hog.add(new long[128]); }")
        for attempt in range(3):
            reply, _ = run(self.kc, "{ " + code + " }", timeout=120)
            self.assertEqual(reply.get("ename"), "OutOfMemoryError", reply)
            self.assertTrue(self.kc.is_alive(), "the heartbeat must still answer")
            self.assert_alive()

    def test_out_of_memory_held_by_a_variable_is_explained_and_can_be_freed(self):
        run(self.kc, "long[][] kept = new long[1 << 14][]; int filled = 0;")
        reply, outputs = run(self.kc, "while (true) { kept[filled++] = new long[1 << 16]; }", timeout=120)
        self.assertEqual(reply.get("ename"), "OutOfMemoryError", reply)
        advice = "\n".join(reply["traceback"])
        self.assertIn("still in use", advice)
        self.assertIn("--jvm-opt=-Xmx", advice)
        reply, _ = run(self.kc, "kept = null;")
        self.assertEqual(reply["status"], "ok", reply)
        reply, outputs = run(self.kc, "new long[1 << 24].length")
        self.assertEqual(reply["status"], "ok", "memory a variable held must be usable once it is freed")
        self.assertEqual(text_of(outputs), str(1 << 24))

    def test_system_exit_is_refused_and_the_session_lives_on(self):
        run(self.kc, "int keptAcrossExit = 5;")
        for call in ["System.exit(0);", "Runtime.getRuntime().exit(1);", "Runtime.getRuntime().halt(2);",
                     "java.util.function.IntConsumer quit = System::exit; quit.accept(3);"]:
            reply, _ = run(self.kc, call)
            self.assertEqual(reply["status"], "error", call)
            self.assertEqual(reply["ename"], "SystemExitRefusedException", reply)
            self.assertIn("lose every variable", reply["evalue"])
        self.assertTrue(self.km.is_alive())
        reply, outputs = run(self.kc, "keptAcrossExit")
        self.assertEqual(text_of(outputs), "5", "the session's variables survive")

    def test_system_exit_in_a_library_thread_does_not_end_the_kernel(self):
        reply, _ = run(self.kc, "var t = new Thread(() -> System.exit(0)); t.start(); t.join();")
        self.assertEqual(reply["status"], "ok", reply)
        self.assertTrue(self.km.is_alive())
        self.assert_alive()

    def test_huge_array_request_is_reported(self):
        reply, _ = run(self.kc, "new long[Integer.MAX_VALUE - 8]")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "OutOfMemoryError")
        self.assert_alive()


if __name__ == "__main__":
    unittest.main()
