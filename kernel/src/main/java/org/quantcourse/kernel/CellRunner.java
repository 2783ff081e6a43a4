package org.quantcourse.kernel;

import org.quantcourse.kernel.eval.CellFailure;
import org.quantcourse.kernel.eval.JavaEvaluator;
import org.quantcourse.kernel.eval.SnippetOrigin;
import org.quantcourse.kernel.eval.UserThreadRunner;
import org.quantcourse.kernel.magic.CellParser;
import org.quantcourse.kernel.magic.MagicContext;
import org.quantcourse.kernel.magic.Magics;
import org.quantcourse.kernel.magic.GlobPaths;
import org.quantcourse.kernel.maven.MavenResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs a cell in the IJava dialect: Java code through the evaluator, magics on the user thread (so an interrupt
 * stops a long download), {@code %load} by evaluating the file's content in place.
 */
public final class CellRunner implements MagicContext {

    private static final int MAX_LOAD_DEPTH = 10;

    private final JavaEvaluator evaluator;
    private final Magics magics;
    private final MavenResolver maven;
    private final Path workingDirectory;

    /** A runner over the evaluator with the given magics and Maven resolver. */
    public CellRunner(JavaEvaluator evaluator, Magics magics, MavenResolver maven) {
        this.evaluator = evaluator;
        this.magics = magics;
        this.maven = maven;
        this.workingDirectory = Path.of("").toAbsolutePath();
    }

    /** The evaluator behind this runner. */
    public JavaEvaluator evaluator() {
        return evaluator;
    }

    /** The magics of this runner. */
    public Magics magics() {
        return magics;
    }

    /** Runs a cell labelled e.g. {@code In[3]}; returns the value of its last expression, if any. */
    public Optional<Object> run(String code, String label) throws CellFailure {
        return run(code, label, 0);
    }

    private Optional<Object> run(String code, String label, int depth) throws CellFailure {
        Optional<Object> value = Optional.empty();
        for (CellParser.Segment segment : CellParser.parse(code)) {
            value = Optional.empty();
            if (segment instanceof CellParser.JavaCode java) {
                value = evaluator.eval(java.code(), new SnippetOrigin(label, java.firstLine() + 1));
            } else if (segment instanceof CellParser.LineMagic line && line.name().equals("load")) {
                load(line.args(), depth);
            } else if (segment instanceof CellParser.LineMagic line) {
                runMagic("%" + line.name(), () -> magics.runLine(this, line.name(), line.args()));
            } else if (segment instanceof CellParser.CellMagic cell) {
                runMagic("%%" + cell.name(), () -> magics.runCell(this, cell.name(), cell.args(), cell.body()));
            }
        }
        return value;
    }

    private void load(List<String> args, int depth) throws CellFailure {
        if (args.isEmpty() || depth >= MAX_LOAD_DEPTH) {
            throw magicFailure("%load", new IllegalArgumentException(args.isEmpty()
                    ? "%load needs the path (or glob) of a .jshell file"
                    : "%load nested more than " + MAX_LOAD_DEPTH + " levels deep"));
        }
        for (String glob : args) {
            List<Path> files;
            String content;
            try {
                files = GlobPaths.matching(glob, workingDirectory);
                if (files.isEmpty()) {
                    throw new IllegalArgumentException("Nothing matches '" + glob + "' (relative to " + workingDirectory + ")");
                }
                for (Path file : files) {
                    content = Files.readString(file, StandardCharsets.UTF_8);
                    run(content, file.getFileName().toString(), depth + 1);
                }
            } catch (CellFailure f) {
                throw f;
            } catch (Exception e) {
                throw magicFailure("%load", e);
            }
        }
    }

    private void runMagic(String name, java.util.concurrent.Callable<Object> magic) throws CellFailure {
        try {
            evaluator.runner().run(magic, Duration.ZERO);
        } catch (UserThreadRunner.Interrupted e) {
            throw CellFailure.interrupted(false, Duration.ZERO);
        } catch (Exception e) {
            throw magicFailure(name, e instanceof UserThreadRunner.UserCodeError ? e.getCause() : e);
        }
    }

    private static CellFailure magicFailure(String name, Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new CellFailure(e.getClass().getSimpleName(), message, List.of(name + ": " + message));
    }

    @Override
    public void addToClasspath(List<Path> entries) throws Exception {
        List<String> paths = entries.stream().map(Path::toString).toList();
        evaluator.runner().onKernelThread(() -> {
            evaluator.addToClasspath(paths);
            return null;
        });
    }

    @Override
    public MavenResolver maven() {
        return maven;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }
}
