"""How execute requests are honoured: stop_on_error aborts the queued cells, a request without code is an error,
and stdin is read through input_request when the frontend allows it."""
import os
import tempfile
import unittest

import kernel_env
from kernel_env import collect, run, text_of, stream_text


class StopOnErrorTests(kernel_env.KernelSessionTest):

    def setUp(self):
        self.marker = os.path.join(tempfile.mkdtemp(prefix="queued-"), "ran")

    def queued_cell(self, stop_on_error=True):
        code = ('java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "x", '
                'java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);' % self.marker)
        return self.kc.execute(code, stop_on_error=stop_on_error)

    def run_all(self, stop_on_error):
        """Sends a failing cell and two more at once, like Run All; returns the three replies' contents."""
        failing = self.kc.execute('Thread.sleep(700); throw new RuntimeException("boom");', stop_on_error=stop_on_error)
        queued = [self.queued_cell(), self.queued_cell()]
        return [collect(self.kc, msg_id)[0]["content"] for msg_id in [failing] + queued]

    def test_cells_queued_behind_a_failing_cell_are_aborted_not_run(self):
        replies = self.run_all(stop_on_error=True)
        self.assertEqual([r["status"] for r in replies], ["error", "aborted", "aborted"], replies)
        self.assertFalse(os.path.exists(self.marker), "an aborted cell was executed")

    def test_cells_sent_after_the_queue_was_drained_run_again(self):
        self.run_all(stop_on_error=True)
        reply, _ = collect(self.kc, self.queued_cell())
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        with open(self.marker) as f:
            self.assertEqual(f.read(), "x")

    def test_a_cell_sent_after_the_error_reply_runs_every_time(self):
        for attempt in range(20):
            failed, _ = run(self.kc, 'throw new RuntimeException("boom");')
            self.assertEqual(failed["status"], "error")
            reply, outputs = run(self.kc, "%d + 1" % attempt)
            self.assertEqual(reply["status"], "ok", "attempt %d: %s" % (attempt, reply))
            self.assertEqual(text_of(outputs), str(attempt + 1))

    def test_without_stop_on_error_queued_cells_still_run(self):
        replies = self.run_all(stop_on_error=False)
        self.assertEqual([r["status"] for r in replies], ["error", "ok", "ok"], replies)
        with open(self.marker) as f:
            self.assertEqual(f.read(), "xx")


class MalformedRequestTests(kernel_env.KernelSessionTest):

    def test_an_execute_request_without_code_gets_an_error_reply(self):
        msg = self.kc.session.msg("execute_request", {"silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False})
        self.kc.shell_channel.send(msg)
        reply, _ = collect(self.kc, msg["header"]["msg_id"], timeout=30)
        self.assertEqual(reply["content"]["status"], "error", reply["content"])
        self.assertIn("code", reply["content"]["evalue"])
        reply, outputs = run(self.kc, "6 * 7")
        self.assertEqual(text_of(outputs), "42")


class StdinTests(kernel_env.KernelSessionTest):

    def execute_answering(self, code, answers):
        """Executes code with allow_stdin, answering each input_request in turn; returns (reply, outputs, prompts)."""
        msg_id = self.kc.execute(code, allow_stdin=True)
        prompts = []
        for answer in answers:
            request = self.kc.get_stdin_msg(timeout=kernel_env.TIMEOUT)
            self.assertEqual(request["msg_type"], "input_request")
            self.assertEqual(request["parent_header"]["msg_id"], msg_id)
            prompts.append(request["content"]["prompt"])
            self.kc.input(answer)
        reply, outputs = collect(self.kc, msg_id)
        return reply["content"], outputs, prompts

    def test_scanner_next_line_reads_what_the_user_typed(self):
        reply, outputs, _ = self.execute_answering(
            'var in = new Scanner(System.in);\nSystem.out.println("hello " + in.nextLine());', ["Ada"])
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(stream_text(outputs), "hello Ada\n")

    def test_system_in_read_returns_the_typed_bytes_then_a_newline(self):
        reply, outputs, _ = self.execute_answering(
            "int a = System.in.read(); int b = System.in.read(); int c = System.in.read();\n"
            "System.out.println(a + \" \" + b + \" \" + c);", ["ok"])
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(stream_text(outputs), "111 107 10\n")

    def test_two_lines_are_two_input_requests(self):
        reply, outputs, _ = self.execute_answering(
            "var r = new BufferedReader(new InputStreamReader(System.in));\n"
            "System.out.println(r.readLine() + \"+\" + r.readLine());", ["1", "2"])
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(stream_text(outputs), "1+2\n")

    def test_a_printed_prompt_arrives_before_the_input_request(self):
        msg_id = self.kc.execute('System.out.print("Name: ");\nString name = new Scanner(System.in).nextLine();',
                                 allow_stdin=True)
        self.kc.get_stdin_msg(timeout=kernel_env.TIMEOUT)
        printed = ""
        while "Name: " not in printed:
            msg = self.kc.get_iopub_msg(timeout=5)
            if msg["msg_type"] == "stream" and msg["parent_header"].get("msg_id") == msg_id:
                printed += msg["content"]["text"]
        self.kc.input("Grace")
        reply, _ = collect(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        _, outputs = run(self.kc, "name")
        self.assertEqual(text_of(outputs), "Grace")

    def test_reading_stdin_when_the_frontend_does_not_allow_it_is_a_clear_error(self):
        reply, _ = collect(self.kc, self.kc.execute("new Scanner(System.in).nextLine()", allow_stdin=False))
        reply = reply["content"]
        self.assertEqual(reply["status"], "error", reply)
        self.assertIn("allow_stdin", reply["evalue"])
        reply, outputs = run(self.kc, "6 * 7")
        self.assertEqual(text_of(outputs), "42")


if __name__ == "__main__":
    unittest.main()
