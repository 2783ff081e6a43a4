package org.quantcourse.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.quantcourse.course.CourseSettings;

/** The course's kernel installed in a private Jupyter prefix under build/, and processes run against it. */
final class CourseKernel {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path JUPYTER_PREFIX = ROOT.resolve("build/test-jupyter");

    private CourseKernel() {
    }

    /** Installs kernel/target/quantcourse-kernel.jar as kernelspec 'java' in the private prefix. */
    static void install() throws Exception {
        Path jar = ROOT.resolve("kernel/target/quantcourse-kernel.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(ROOT.resolve("lib/target/lib"))) {
            throw new AssertionError("kernel/target/quantcourse-kernel.jar or lib/target/lib is missing: run `mvn package`"
                    + " (or ./course test) first");
        }
        ProcessOutput install = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "install", "--prefix", JUPYTER_PREFIX.toString()));
        if (install.exitCode() != 0) {
            throw new AssertionError("Installing the kernel failed:\n" + install.text());
        }
    }

    /** Runs a command in the project root with JUPYTER_PATH set to the private prefix and the course.* knobs passed on. */
    static ProcessOutput run(List<String> command) throws Exception {
        return run(command, java.util.Map.of());
    }

    /** Runs a command as {@link #run(List)} does, with extra environment variables. */
    static ProcessOutput run(List<String> command, java.util.Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("JUPYTER_PATH", JUPYTER_PREFIX.resolve("share/jupyter").toString());
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("course."))
                .forEach(name -> builder.environment().put(CourseSettings.environmentName(name), System.getProperty(name)));
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes());
        return new ProcessOutput(process.waitFor(), text);
    }

    /** The Python that has Jupyter: COURSE_PYTHON, else /usr/bin/python3. */
    static String python() {
        String configured = System.getenv("COURSE_PYTHON");
        return configured != null && !configured.isBlank() ? configured : "/usr/bin/python3";
    }

    /** A finished process: exit code and combined output. */
    record ProcessOutput(int exitCode, String text) {
        String tail(int chars) {
            return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
        }
    }
}
