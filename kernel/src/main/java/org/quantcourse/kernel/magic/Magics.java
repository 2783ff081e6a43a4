package org.quantcourse.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.quantcourse.kernel.maven.Repository;
import org.quantcourse.kernel.runtime.Notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The IJava magics: {@code %jars}, {@code %classpath}, {@code %maven} (alias {@code addMavenDependency},
 * {@code addMavenDependencies}), {@code %mavenRepo} ({@code addMavenRepo}) and {@code %loadFromPOM} (line: a POM
 * file; cell: a POM fragment). {@code %load} is run by the kernel itself since it evaluates code.
 */
public final class Magics {

    /** The scopes {@code loadFromPOM} takes when none are given. */
    public static final Set<String> DEFAULT_POM_SCOPES = Set.of("compile", "runtime", "system", "import");

    private final Map<String, Magic> lineMagics = new TreeMap<>();
    private final Map<String, Magic> cellMagics = new TreeMap<>();

    private Magics() {
    }

    /** The registry with every built-in magic. */
    public static Magics standard() {
        Magics magics = new Magics();
        magics.lineMagics.put("jars", Magics::jars);
        magics.lineMagics.put("classpath", Magics::classpath);
        for (String alias : List.of("maven", "addMavenDependency", "addMavenDependencies")) {
            magics.lineMagics.put(alias, Magics::maven);
        }
        for (String alias : List.of("mavenRepo", "addMavenRepo")) {
            magics.lineMagics.put(alias, Magics::mavenRepo);
        }
        magics.lineMagics.put("loadFromPOM", Magics::loadPomFile);
        magics.cellMagics.put("loadFromPOM", Magics::loadPomFragment);
        return magics;
    }

    /**
     * jjava's registry of these magics, for {@code BaseKernel}: each entry runs the magic in the running notebook
     * session (through {@link Notebook}), since jjava hands a magic the kernel while these need the session's
     * {@link MagicContext}.
     */
    public MagicsRegistry jjavaRegistry() {
        MagicsRegistry registry = new MagicsRegistry();
        lineMagics.keySet().forEach(name -> registry.registerLineMagic(name,
                (kernel, args) -> Notebook.lineMagic(name, args)));
        cellMagics.keySet().forEach(name -> registry.registerCellMagic(name,
                (kernel, args, body) -> Notebook.cellMagic(name, args, body)));
        return registry;
    }

    /** Runs a line magic. */
    public Object runLine(MagicContext context, String name, List<String> args) throws Exception {
        return find(lineMagics, name, "line").run(context, args, null);
    }

    /** Runs a cell magic. */
    public Object runCell(MagicContext context, String name, List<String> args, String body) throws Exception {
        return find(cellMagics, name, "cell").run(context, args, body);
    }

    private static Magic find(Map<String, Magic> magics, String name, String kind) {
        Magic magic = magics.get(name);
        if (magic == null) {
            throw new IllegalArgumentException("Unknown " + kind + " magic '" + name + "'; available: "
                    + String.join(", ", magics.keySet()) + (kind.equals("line") ? ", load" : ""));
        }
        return magic;
    }

    private static List<String> jars(MagicContext context, List<String> args, String body) throws Exception {
        List<Path> jars = new ArrayList<>();
        for (Path path : globs(context, args)) {
            if (Files.isDirectory(path)) {
                try (var listing = Files.list(path)) {
                    listing.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
            } else {
                jars.add(path);
            }
        }
        return added(context, jars);
    }

    private static List<String> classpath(MagicContext context, List<String> args, String body) throws Exception {
        return added(context, globs(context, args));
    }

    private static List<String> maven(MagicContext context, List<String> args, String body) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%maven needs coordinates such as org.knowm.xchart:xchart:3.8.8");
        }
        return added(context, context.maven().resolve(args));
    }

    private static Object mavenRepo(MagicContext context, List<String> args, String body) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("%mavenRepo needs an id and a URL, e.g. "
                    + "%mavenRepo snapshots https://example.org/maven2/; got " + args);
        }
        context.maven().addRepository(new Repository(args.get(0), args.get(1)));
        return null;
    }

    private static List<String> loadPomFile(MagicContext context, List<String> args, String body) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%loadFromPOM needs the path of a pom.xml (and optional scopes)");
        }
        Path pom = context.workingDirectory().resolve(args.get(0));
        String xml = Files.readString(pom, StandardCharsets.UTF_8);
        return added(context, context.maven().resolvePom(xml, scopes(args.subList(1, args.size()))));
    }

    private static List<String> loadPomFragment(MagicContext context, List<String> args, String body) throws Exception {
        String xml = PomFragment.toPom(body);
        return added(context, context.maven().resolvePom(xml, scopes(args)));
    }

    private static Set<String> scopes(List<String> args) {
        return args.isEmpty() ? DEFAULT_POM_SCOPES : new LinkedHashSet<>(args);
    }

    private static List<Path> globs(MagicContext context, List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("Give at least one path or glob, e.g. lib/*.jar or target/classes/");
        }
        List<Path> paths = new ArrayList<>();
        for (String glob : args) {
            List<Path> matches = GlobPaths.matching(glob, context.workingDirectory());
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("Nothing matches '" + glob + "' (relative to "
                        + context.workingDirectory() + ")");
            }
            paths.addAll(matches);
        }
        return paths;
    }

    private static List<String> added(MagicContext context, List<Path> entries) throws Exception {
        context.addToClasspath(entries);
        return entries.stream().map(p -> p.toAbsolutePath().toString()).toList();
    }
}
