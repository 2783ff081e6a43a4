package org.quantcourse.kernel.maven;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.runtime.standalonestatic.StandaloneStaticRuntime;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resolves Maven artifacts with their transitive runtime dependencies through Apache Maven Resolver (set up by MIMA)
 * the way Maven does: the user's {@code settings.xml} (mirrors, proxies, servers, active profiles, local repository),
 * the local repository ({@code ~/.m2/repository} or {@code -Dmaven.repo.local}), parent POMs, imported BOMs,
 * version ranges, relocations and POM profiles activated by OS, JDK or properties. Checksums are enforced, so a
 * corrupted download fails instead of being cached.
 */
public final class MavenResolver implements AutoCloseable {

    private static final String WHAT_TO_DO = "check the coordinates (https://central.sonatype.com lists what Maven "
            + "Central has) or add the repository that has them with %mavenRepo <id> <url>";
    private static final Artifact NOTEBOOK_POM = new DefaultArtifact("quantcourse.notebook", "loadFromPOM", "pom", "0");

    private final ContextOverrides overrides;
    private final List<RemoteRepository> added = new CopyOnWriteArrayList<>();
    private Context context;

    private MavenResolver(ContextOverrides overrides) {
        this.overrides = overrides;
    }

    /** Maven's own set-up: ~/.m2/settings.xml (and the global one), its local repository and Maven Central. */
    public static MavenResolver standard() {
        return new MavenResolver(overrides().withUserSettings(true).build());
    }

    /** Like {@link #standard()} but with the given file in place of ~/.m2/settings.xml. */
    public static MavenResolver withSettings(Path settingsXml) {
        return new MavenResolver(overrides().withUserSettings(true).withUserSettingsXmlOverride(settingsXml).build());
    }

    /** Only the given local and remote repositories; no settings.xml is read. */
    public static MavenResolver isolated(Path localRepository, List<Repository> remotes) {
        return new MavenResolver(overrides().withLocalRepositoryOverride(localRepository)
                .repositories(remotes.stream().map(Repository::toRemote).toList())
                .addRepositoriesOp(ContextOverrides.AddRepositoriesOp.REPLACE).build());
    }

    private static ContextOverrides.Builder overrides() {
        return ContextOverrides.create().checksumPolicy(ContextOverrides.ChecksumPolicy.FAIL);
    }

    /** Adds a remote repository searched after the existing ones; an id given again takes the new URL. */
    public void addRepository(Repository repository) {
        added.removeIf(r -> r.getId().equals(repository.id()));
        added.add(repository.toRemote());
    }

    /** The local repository artifacts are cached in. */
    public Path localRepository() {
        return context().repositorySystemSession().getLocalRepository().getBasedir().toPath();
    }

    /**
     * The files of the artifacts ({@code group:artifact[:extension[:classifier]]:version}) and of their transitive
     * compile and runtime dependencies, in Maven's class-path order.
     */
    public synchronized List<Path> resolve(List<String> coordinates) throws IOException {
        List<Dependency> roots = new ArrayList<>();
        for (String c : coordinates) {
            roots.add(new Dependency(artifact(c), JavaScopes.COMPILE));
        }
        CollectRequest request = new CollectRequest(roots, List.of(), remoteRepositories());
        return files(context().repositorySystemSession(), request,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME), String.join(", ", coordinates));
    }

    /**
     * The files of a POM's dependencies whose scope is one of {@code scopes}, with their transitive dependencies;
     * the POM's parent, dependency management, profiles and repositories apply as in Maven.
     */
    public synchronized List<Path> resolvePom(String pomXml, Set<String> scopes) throws IOException {
        Path pom = Files.createTempFile("loadFromPOM-", ".pom");
        try {
            Files.writeString(pom, pomXml, StandardCharsets.UTF_8);
            DefaultRepositorySystemSession session = new DefaultRepositorySystemSession(context().repositorySystemSession());
            session.setWorkspaceReader(new SinglePomWorkspace(NOTEBOOK_POM, pom));
            ArtifactDescriptorResult descriptor = describe(session, NOTEBOOK_POM);
            List<Dependency> roots = descriptor.getDependencies().stream()
                    .filter(d -> scopes.contains(d.getScope())).toList();
            CollectRequest request = new CollectRequest(roots, descriptor.getManagedDependencies(),
                    union(remoteRepositories(), descriptor.getRepositories()));
            DependencyFilter inScopes = (node, parents) -> node.getDependency() == null
                    || scopes.contains(node.getDependency().getScope());
            return files(session, request, inScopes, "the POM's dependencies");
        } finally {
            Files.deleteIfExists(pom);
        }
    }

    /** Parses coordinates, saying which forms are accepted when they do not parse. */
    static Artifact artifact(String coordinates) {
        try {
            return new DefaultArtifact(coordinates.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Maven coordinates are group:artifact:version (or "
                    + "group:artifact:extension[:classifier]:version), e.g. org.apache.commons:commons-lang3:3.14.0; "
                    + "got '" + coordinates + "'", e);
        }
    }

    private ArtifactDescriptorResult describe(RepositorySystemSession session, Artifact pom) throws IOException {
        try {
            return context().repositorySystem().readArtifactDescriptor(session,
                    new ArtifactDescriptorRequest(pom, remoteRepositories(), null));
        } catch (ArtifactDescriptorException e) {
            throw new IOException("Cannot read the POM: " + causes(e) + "; " + WHAT_TO_DO, e);
        }
    }

    private List<Path> files(RepositorySystemSession session, CollectRequest request, DependencyFilter filter,
                             String what) throws IOException {
        try {
            return context().repositorySystem().resolveDependencies(session, new DependencyRequest(request, filter))
                    .getArtifactResults().stream().map(r -> r.getArtifact())
                    .filter(a -> !a.getExtension().equals("pom")).map(a -> a.getFile().toPath()).toList();
        } catch (DependencyResolutionException e) {
            throw new IOException("Cannot resolve " + what + ": " + causes(e) + "; " + WHAT_TO_DO, e);
        }
    }

    private List<RemoteRepository> remoteRepositories() {
        return union(context().remoteRepositories(), added);
    }

    /** The first list, then the second's repositories with new ids (with mirrors, proxies and credentials applied). */
    private List<RemoteRepository> union(List<RemoteRepository> first, List<RemoteRepository> second) {
        Map<String, RemoteRepository> byId = new LinkedHashMap<>();
        first.forEach(r -> byId.putIfAbsent(r.getId(), r));
        context().repositorySystem().newResolutionRepositories(context().repositorySystemSession(), second)
                .forEach(r -> byId.putIfAbsent(r.getId(), r));
        return List.copyOf(byId.values());
    }

    /** The messages along a cause chain, each once (the resolver nests the useful one deep). */
    static String causes(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !out.toString().contains(message)) {
                out.append(out.length() == 0 ? "" : ": ").append(message);
            }
        }
        return out.toString();
    }

    /** The resolver set up on first use, so a broken settings.xml fails a magic, not the kernel's start. */
    private synchronized Context context() {
        if (context == null) {
            try {
                context = new StandaloneStaticRuntime().create(overrides);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot set up Maven from settings.xml and the local repository: "
                        + causes(e) + "; fix ~/.m2/settings.xml (Maven itself reports the same problem)", e);
            }
        }
        return context;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
        }
    }
}
