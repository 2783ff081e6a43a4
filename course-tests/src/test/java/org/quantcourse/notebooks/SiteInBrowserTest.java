package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The course site built from the notebooks {@link NotebookExecutionTest} executed (it runs first: alphabetical order)
 * works in headless Chromium, served over http and opened from disk: math typeset, images loaded, no console error,
 * every link answering, one reveal.js deck per notebook.
 */
class SiteInBrowserTest {

    private static final Path EXECUTED = CourseKernel.ROOT.resolve("build/test-notebooks/notebooks");
    private static final Path SITE = CourseKernel.ROOT.resolve("build/test-site");

    @Test
    void theSiteBuiltFromTheExecutedNotebooksWorksInChromium() throws Exception {
        assertTrue(hasExecutedNotebooks(), "No executed notebooks in " + EXECUTED + ": run NotebookExecutionTest first"
                + " (./course test runs it before this test)");
        run("tools/build_site.py", List.of("--notebooks", EXECUTED.toString(), "--out", SITE.toString(),
                "--results", CourseKernel.ROOT.resolve("build/results").toString(),
                "--npm", CourseKernel.ROOT.resolve("build/npm").toString()));
        run("course-tests/src/test/python/test_site_in_browser.py", List.of("--site", SITE.toString(),
                "--screenshots", CourseKernel.ROOT.resolve("build/test-site-screenshots").toString()));
    }

    @Test
    void slideTagRulesAndCourseMapExtractionHold() throws Exception {
        run("-m", List.of("unittest", "-v", "course-tests/src/test/python/test_site_tools.py"));
    }

    private static boolean hasExecutedNotebooks() throws IOException {
        if (!Files.isDirectory(EXECUTED)) {
            return false;
        }
        try (Stream<Path> files = Files.list(EXECUTED)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("\\d\\d_.*\\.ipynb"));
        }
    }

    private static void run(String script, List<String> arguments) throws Exception {
        List<String> command = Stream.concat(Stream.of(CourseKernel.python(), script), arguments.stream()).toList();
        CourseKernel.ProcessOutput result = CourseKernel.run(command);
        System.out.println(result.text());
        assertEquals(0, result.exitCode(), script + " failed:\n" + result.tail(6000));
    }
}
