"""Messages with a wrong, missing or replayed HMAC signature, or malformed framing, are dropped unexecuted, alone;
the kernel keeps answering the next correctly signed request."""
import os
import tempfile
import time
import unittest

import zmq
from jupyter_client.session import Session

import kernel_env
from kernel_env import run, text_of


class BadSignatureTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kernel_env.start_kernel()
        cls.info = cls.km.get_connection_info(session=False)
        cls.context = zmq.Context()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        cls.context.term()

    def setUp(self):
        self.marker = os.path.join(tempfile.mkdtemp(prefix="hmac-"), "executed")
        self.shell = self.context.socket(zmq.DEALER)
        self.shell.linger = 0
        self.shell.connect("tcp://%s:%d" % (self.info["ip"], self.info["shell_port"]))

    def tearDown(self):
        self.shell.close()

    def forged_parts(self, key, append=False):
        """A serialized execute_request that would create (or append to) the marker file, signed with the key."""
        session = Session(key=key, signature_scheme="hmac-sha256")
        option = ", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND" if append else ""
        code = 'java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"%s);' % (self.marker, option)
        msg = session.msg("execute_request", content={"code": code, "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False,
                                                      "stop_on_error": True})
        return session.serialize(msg)

    def assert_dropped(self, parts):
        self.shell.send_multipart(parts)
        self.assertEqual(self.shell.poll(3000), 0, "the kernel must not answer a badly signed request")
        self.assertFalse(os.path.exists(self.marker), "a badly signed request was executed")
        reply, outputs = run(self.kc, "6 * 7")
        self.assertEqual(reply["status"], "ok", "the kernel must keep answering correctly signed requests")
        self.assertEqual(text_of(outputs), "42")
        self.assertFalse(os.path.exists(self.marker))

    def test_the_key_is_really_checked(self):
        self.assertTrue(self.info["key"], "the test kernel must run with a signing key")

    def test_message_signed_with_a_wrong_key_is_dropped(self):
        self.assert_dropped(self.forged_parts(b"not-the-kernel-key"))

    def test_message_with_an_empty_signature_is_dropped(self):
        parts = self.forged_parts(self.info["key"])
        parts[1] = b""
        self.assert_dropped(parts)

    def test_message_with_content_changed_after_signing_is_dropped(self):
        harmless = Session(key=self.info["key"], signature_scheme="hmac-sha256")
        msg = harmless.msg("execute_request", content={"code": "1;", "silent": False, "store_history": True,
                                                       "user_expressions": {}, "allow_stdin": False,
                                                       "stop_on_error": True})
        parts = harmless.serialize(msg)
        forged_content = self.forged_parts(self.info["key"])[5]
        parts[5] = forged_content
        self.assert_dropped(parts)

    def test_a_lone_garbage_frame_does_not_swallow_the_next_request(self):
        self.assert_dropped([b"garbage"])

    def test_a_signed_message_cut_to_three_frames_does_not_swallow_the_next_request(self):
        self.assert_dropped(self.forged_parts(self.info["key"])[:3])

    def test_a_message_without_a_delimiter_does_not_swallow_the_next_request(self):
        self.assert_dropped(self.forged_parts(self.info["key"])[1:])

    def test_a_replayed_message_is_executed_once(self):
        parts = self.forged_parts(self.info["key"], append=True)
        self.shell.send_multipart(parts)
        self.assertNotEqual(self.shell.poll(30000), 0, "the original request must be answered")
        self.shell.recv_multipart()
        self.shell.send_multipart(parts)
        self.assertEqual(self.shell.poll(3000), 0, "the kernel must not answer a replayed request")
        reply, outputs = run(self.kc, "6 * 7")
        self.assertEqual(reply["status"], "ok")
        with open(self.marker) as f:
            self.assertEqual(f.read(), "ran", "the replayed request must not run a second time")

    def test_correctly_signed_message_is_executed(self):
        self.shell.send_multipart(self.forged_parts(self.info["key"]))
        self.assertNotEqual(self.shell.poll(30000), 0, "a correctly signed request must be answered")
        self.shell.recv_multipart()
        deadline = time.time() + 10
        while not os.path.exists(self.marker) and time.time() < deadline:
            time.sleep(0.1)
        self.assertTrue(os.path.exists(self.marker), "the control case must run, else the test proves nothing")


if __name__ == "__main__":
    unittest.main()
