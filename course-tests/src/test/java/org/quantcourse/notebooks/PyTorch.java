package org.quantcourse.notebooks;

import java.util.List;

/** Whether Debian's /usr/bin/python3 can import torch (python3-torch), for the PyTorch reference tests. */
final class PyTorch {
    static final String PYTHON = "/usr/bin/python3";
    static final String SKIP_REASON = "skipped: /usr/bin/python3 cannot import torch (install python3-torch,"
            + " e.g. with ./course setup as root)";
    private static Boolean available;

    private PyTorch() {
    }

    static synchronized boolean available() {
        if (available == null) {
            try {
                available = CourseKernel.run(List.of(PYTHON, "-c", "import torch")).exitCode() == 0;
            } catch (Exception e) {
                available = false;
            }
        }
        return available;
    }
}
