package org.quantcourse.kernel.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Maven dependencies with their transitive compile and runtime dependencies into a local repository
 * (default {@code ~/.m2/repository}, so jars Maven already has are reused): parent POMs, dependency management and
 * imported BOMs, property interpolation, exclusions, optional dependencies skipped, nearest version wins, version
 * ranges and relocations. Profiles are not evaluated.
 */
public final class MavenResolver {

    /** The scopes taken from transitive dependencies. */
    public static final Set<String> TRANSITIVE_SCOPES = Set.of("compile", "runtime");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_PARENTS = 30;

    private final ArtifactFetcher fetcher;
    private final List<Repository> repositories = new CopyOnWriteArrayList<>();
    private final Map<String, EffectivePom> poms = new HashMap<>();
    private Consumer<String> log = message -> { };

    /** A resolver caching into the given local repository and searching the given remote repositories. */
    public MavenResolver(Path localRepository, List<Repository> remotes) {
        this.fetcher = new ArtifactFetcher(localRepository);
        this.repositories.addAll(remotes);
    }

    /** ~/.m2/repository (or -Dmaven.repo.local) and Maven Central. */
    public static MavenResolver standard() {
        String local = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return new MavenResolver(Path.of(local), List.of(Repository.CENTRAL));
    }

    /** Sets where progress notes ("downloading ...") go. */
    public void onProgress(Consumer<String> progress) {
        this.log = progress;
    }

    /** Adds a remote repository searched after the existing ones. */
    public void addRepository(Repository repository) {
        if (!repositories.contains(repository)) {
            repositories.add(repository);
        }
    }

    /** The remote repositories searched, in order. */
    public List<Repository> repositories() {
        return List.copyOf(repositories);
    }

    /** The jar files of the given dependencies and their transitive runtime dependencies, nearest first. */
    public synchronized List<Path> resolve(List<Dependency> roots) throws IOException {
        return resolve(roots, List.of(), Map.of());
    }

    /**
     * Resolves a POM's dependencies whose scope is one of {@code scopes} (with the POM's repositories and
     * dependency management applied to the whole tree).
     */
    public synchronized List<Path> resolvePom(String pomXml, Set<String> scopes) throws IOException {
        PomFile pom = PomFile.parse(pomXml);
        Model model = merge(pom, pom.repositories(), 0);
        Map<String, String> props = model.properties();
        Map<String, PomFile.Declared> managed = managedEntries(model, props, union(pom.repositories()), 0);
        List<Dependency> roots = new ArrayList<>();
        for (PomFile.Declared declared : model.dependencies.values()) {
            PomFile.Declared d = manage(interpolate(declared, props), managed);
            String scope = d.scope() == null ? "compile" : d.scope();
            if (!scopes.contains(scope)) {
                continue;
            }
            if (scope.equals("system") || scope.equals("import")) {
                log.accept("skipping " + scope + "-scoped " + d.groupId() + ":" + d.artifactId());
                continue;
            }
            roots.add(toDependency(d));
        }
        return resolve(roots, pom.repositories(), managed);
    }

    private List<Path> resolve(List<Dependency> roots, List<Repository> extra, Map<String, PomFile.Declared> rootManaged)
            throws IOException {
        List<Repository> repos = union(extra);
        Map<String, Artifact> chosen = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        Deque<Node> queue = new ArrayDeque<>();
        roots.forEach(d -> queue.add(new Node(d, Set.copyOf(d.exclusions()))));
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            Artifact artifact = pinVersion(node.dependency.artifact(), repos);
            if (chosen.containsKey(artifact.conflictKey())) {
                continue;
            }
            EffectivePom pom = effectivePom(artifact, repos);
            if (pom != null && pom.relocation() != null) {
                queue.addFirst(new Node(relocate(node.dependency, pom.relocation()), node.exclusions));
                continue;
            }
            chosen.put(artifact.conflictKey(), artifact);
            if (!artifact.extension().equals("pom")) {
                files.add(fetcher.fetch(artifact, repos));
            }
            for (Dependency child : pom == null ? List.<Dependency>of() : pom.dependencies()) {
                Dependency managedChild = applyRootManagement(child, rootManaged);
                if (managedChild.optional() || !TRANSITIVE_SCOPES.contains(managedChild.scope())
                        || node.excludes(managedChild.artifact())) {
                    continue;
                }
                Set<String> exclusions = new HashSet<>(node.exclusions);
                exclusions.addAll(managedChild.exclusions());
                queue.add(new Node(managedChild, exclusions));
            }
        }
        return files;
    }

    private Artifact pinVersion(Artifact artifact, List<Repository> repos) throws IOException {
        if (!VersionOrder.isRange(artifact.version())) {
            return artifact;
        }
        String path = artifact.groupId().replace('.', '/') + "/" + artifact.artifactId() + "/maven-metadata.xml";
        String metadata = fetcher.text(path, repos).orElseThrow(() ->
                new IOException("No maven-metadata.xml to pick a version of " + artifact.groupArtifact()
                        + " in range " + artifact.version()));
        return artifact.withVersion(VersionOrder.highestInRange(artifact.version(), metadata).orElseThrow(() ->
                new IOException("No version of " + artifact.groupArtifact() + " lies in " + artifact.version())));
    }

    private static Dependency relocate(Dependency dependency, PomFile.Relocation to) {
        Artifact a = dependency.artifact();
        Artifact moved = new Artifact(to.groupId() == null ? a.groupId() : to.groupId(),
                to.artifactId() == null ? a.artifactId() : to.artifactId(),
                to.version() == null ? a.version() : to.version(), a.extension(), a.classifier());
        return new Dependency(moved, dependency.scope(), dependency.optional(), dependency.exclusions());
    }

    private static Dependency applyRootManagement(Dependency child, Map<String, PomFile.Declared> rootManaged) {
        PomFile.Declared managed = rootManaged.get(child.artifact().groupArtifact() + ":" + child.artifact().extension());
        if (managed == null || managed.version() == null) {
            return child;
        }
        return new Dependency(child.artifact().withVersion(managed.version()), child.scope(), child.optional(),
                child.exclusions());
    }

    private EffectivePom effectivePom(Artifact artifact, List<Repository> repos) throws IOException {
        String key = artifact.groupArtifact() + ":" + artifact.version();
        if (poms.containsKey(key)) {
            return poms.get(key);
        }
        Path pomPath;
        try {
            pomPath = fetcher.fetch(artifact.pom(), repos);
        } catch (IOException missing) {
            if (artifact.extension().equals("pom")) {
                throw missing;
            }
            log.accept("no POM for " + artifact + "; assuming it has no dependencies");
            poms.put(key, null);
            return null;
        }
        PomFile file = PomFile.parse(Files.readString(pomPath, StandardCharsets.UTF_8));
        List<Repository> withOwn = new ArrayList<>(repos);
        file.repositories().stream().filter(r -> !withOwn.contains(r)).forEach(withOwn::add);
        Model model = merge(file, withOwn, 0);
        Map<String, PomFile.Declared> managed = managedEntries(model, model.properties(), withOwn, 0);
        List<Dependency> dependencies = new ArrayList<>();
        for (PomFile.Declared declared : model.dependencies.values()) {
            PomFile.Declared d = manage(interpolate(declared, model.properties()), managed);
            if (d.version() == null || d.version().contains("${") || d.groupId().contains("${")) {
                log.accept("skipping " + d.groupId() + ":" + d.artifactId() + " of " + artifact
                        + ": its version is not resolvable without profiles");
                continue;
            }
            dependencies.add(toDependency(d));
        }
        EffectivePom pom = new EffectivePom(artifact, model.packaging, dependencies, withOwn, file.relocation());
        poms.put(key, pom);
        return pom;
    }

    /** The raw model of a POM merged with its parents (child values win). */
    private Model merge(PomFile file, List<Repository> repos, int depth) throws IOException {
        if (depth > MAX_PARENTS) {
            throw new IOException("Parent chain of " + file.artifactId() + " is longer than " + MAX_PARENTS);
        }
        Model model = new Model();
        PomFile.Parent parent = file.parent();
        if (parent != null) {
            Artifact parentPom = new Artifact(parent.groupId(), parent.artifactId(), parent.version(), "pom", "");
            PomFile parentFile = PomFile.parse(Files.readString(fetcher.fetch(parentPom, repos), StandardCharsets.UTF_8));
            model = merge(parentFile, repos, depth + 1);
            model.raw.put("project.parent.groupId", parent.groupId());
            model.raw.put("project.parent.artifactId", parent.artifactId());
            model.raw.put("project.parent.version", parent.version());
        }
        model.raw.putAll(file.properties());
        String groupId = file.groupId() != null ? file.groupId() : parent == null ? null : parent.groupId();
        String version = file.version() != null ? file.version() : parent == null ? null : parent.version();
        model.raw.put("project.groupId", groupId);
        model.raw.put("project.artifactId", file.artifactId());
        model.raw.put("project.version", version);
        model.packaging = file.packaging();
        for (PomFile.Declared d : file.dependencies()) {
            model.dependencies.put(d.groupId() + ":" + d.artifactId() + ":" + d.type() + ":" + d.classifier(), d);
        }
        for (PomFile.Declared d : file.managed()) {
            model.managed.put(d.groupId() + ":" + d.artifactId() + ":" + d.type() + ":" + d.classifier(), d);
        }
        return model;
    }

    private Map<String, PomFile.Declared> managedEntries(Model model, Map<String, String> props, List<Repository> repos,
                                                        int depth) throws IOException {
        Map<String, PomFile.Declared> managed = new LinkedHashMap<>();
        List<PomFile.Declared> imports = new ArrayList<>();
        for (PomFile.Declared raw : model.managed.values()) {
            PomFile.Declared d = interpolate(raw, props);
            if ("import".equals(d.scope()) && "pom".equals(d.type())) {
                imports.add(d);
            } else {
                managed.putIfAbsent(managementKey(d), d);
            }
        }
        for (PomFile.Declared bom : imports) {
            if (depth > MAX_PARENTS || bom.version() == null || bom.version().contains("${")) {
                continue;
            }
            Artifact bomPom = new Artifact(bom.groupId(), bom.artifactId(), bom.version(), "pom", "");
            PomFile file = PomFile.parse(Files.readString(fetcher.fetch(bomPom, repos), StandardCharsets.UTF_8));
            Model bomModel = merge(file, repos, 0);
            managedEntries(bomModel, bomModel.properties(), repos, depth + 1).forEach(managed::putIfAbsent);
        }
        return managed;
    }

    private static String managementKey(PomFile.Declared d) {
        return d.groupId() + ":" + d.artifactId() + ":" + extension(d.type());
    }

    private static PomFile.Declared manage(PomFile.Declared d, Map<String, PomFile.Declared> managed) {
        PomFile.Declared m = managed.get(managementKey(d));
        if (m == null) {
            return d;
        }
        Set<String> exclusions = new LinkedHashSet<>(d.exclusions());
        exclusions.addAll(m.exclusions());
        return new PomFile.Declared(d.groupId(), d.artifactId(), d.version() != null ? d.version() : m.version(),
                d.type(), d.classifier(), d.scope() != null ? d.scope() : m.scope(), d.optional(), exclusions);
    }

    private static Dependency toDependency(PomFile.Declared d) {
        String type = d.type() == null ? "jar" : d.type();
        String classifier = type.equals("test-jar") ? "tests" : d.classifier();
        Artifact artifact = new Artifact(d.groupId(), d.artifactId(), d.version(), extension(type), classifier);
        return new Dependency(artifact, d.scope(), d.optional(), d.exclusions());
    }

    private static String extension(String type) {
        if (type == null) {
            return "jar";
        }
        return switch (type) {
            case "test-jar", "bundle", "maven-plugin", "ejb", "jar" -> "jar";
            default -> type;
        };
    }

    private static PomFile.Declared interpolate(PomFile.Declared d, Map<String, String> props) {
        return new PomFile.Declared(interpolate(d.groupId(), props), interpolate(d.artifactId(), props),
                interpolate(d.version(), props), interpolate(d.type(), props), interpolate(d.classifier(), props),
                interpolate(d.scope(), props), d.optional(), d.exclusions());
    }

    /** Replaces ${name} with properties (project.*, pom.*, env.*, system properties), repeatedly. */
    static String interpolate(String text, Map<String, String> props) {
        if (text == null) {
            return null;
        }
        String current = text;
        for (int round = 0; round < 10 && current.contains("${"); round++) {
            Matcher m = EXPRESSION.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = lookup(m.group(1), props);
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
            }
            m.appendTail(out);
            if (out.toString().equals(current)) {
                break;
            }
            current = out.toString();
        }
        return current;
    }

    private static String lookup(String name, Map<String, String> props) {
        String key = name.startsWith("pom.") ? "project." + name.substring(4) : name;
        key = switch (key) {
            case "version", "groupId", "artifactId" -> "project." + key;
            case "parent.version" -> "project.parent.version";
            default -> key;
        };
        if (props.containsKey(key)) {
            return props.get(key);
        }
        if (key.startsWith("env.")) {
            return System.getenv(key.substring(4));
        }
        return System.getProperty(key);
    }

    private List<Repository> union(List<Repository> extra) {
        List<Repository> all = new ArrayList<>(repositories);
        extra.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return all;
    }

    private record Node(Dependency dependency, Set<String> exclusions) {
        boolean excludes(Artifact artifact) {
            return exclusions.stream().anyMatch(pattern -> Dependency.matches(pattern, artifact));
        }
    }

    /** A POM merged with its parents, not yet interpolated. */
    private static final class Model {
        final Map<String, String> raw = new LinkedHashMap<>();
        final Map<String, PomFile.Declared> dependencies = new LinkedHashMap<>();
        final Map<String, PomFile.Declared> managed = new LinkedHashMap<>();
        String packaging = "jar";

        Map<String, String> properties() {
            return raw;
        }
    }
}
