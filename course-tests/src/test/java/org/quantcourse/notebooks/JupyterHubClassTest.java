package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course for a class on one server (hub/): Debian's JupyterHub on 127.0.0.1, three students logged in, notebook
 * 00 running in each student's server at once, results in each student's own folder, the shared course unchanged.
 * Needs the {@code jupyterhub} package: CI installs it (COURSE_HUB_TEST=required, where its absence fails the test);
 * elsewhere the test is skipped when JupyterHub is not installed.
 */
class JupyterHubClassTest {

    private static final Path JUPYTERHUB = Path.of("/usr/bin/jupyterhub");

    @BeforeAll
    static void installKernel() throws Exception {
        boolean required = "required".equals(System.getenv("COURSE_HUB_TEST"));
        if (required) {
            assertTrue(Files.isExecutable(JUPYTERHUB), "COURSE_HUB_TEST=required but " + JUPYTERHUB
                    + " is missing: apt-get install -y jupyterhub (./course setup does it with COURSE_HUB_TEST=required)");
        }
        Assumptions.assumeTrue(Files.isExecutable(JUPYTERHUB), "JupyterHub is not installed (apt-get install -y jupyterhub,"
                + " or run with COURSE_HUB_TEST=required to make this a failure)");
        CourseKernel.install();
    }

    @Test
    void threeStudentsLogInAndRunNotebook00AtOnceEachInTheirOwnFolder() throws Exception {
        CourseKernel.ProcessOutput result = CourseKernel.run(List.of(CourseKernel.python(),
                "course-tests/src/test/python/test_jupyterhub_class.py"));
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), "the JupyterHub class test failed (its log: build/test-hub/hub.log):\n"
                + result.tail(6000));
    }
}
