"""The standard Jupyter kernel conformance suite (jupyter_kernel_test) with samples for every test it has."""
import unittest

import kernel_env
import jupyter_kernel_test


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = kernel_env.KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("an error line");'
    completion_samples = [
        {"text": "Math.flo", "matches": {"floor(", "floorDiv(", "floorMod("}},
        {"text": "String.valueO"},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", "void f() { }", "%jars lib/*.jar", "import java.util.*;"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int[] a = {1, 2,", "void g() {"]
    invalid_code_samples = ["int x = 1 +;)", "}"]
    code_page_something = "Math.max?"
    code_generate_error = 'throw new RuntimeException("boom");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "\"a\" + \"b\"", "result": "ab"},
        {"code": "java.util.List.of(1, 2)", "result": "[1, 2]"},
        {"code": "render(\"<i>x</i>\", \"text/html\")", "mime": "text/html", "result": "<i>x</i>"},
    ]
    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));',
         "mime": "image/png"},
    ]
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
