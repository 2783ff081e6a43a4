package org.quantcourse.kernel.maven;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Resolves against a fake repository served over HTTP on 127.0.0.1 (no settings.xml unless a test writes one). */
class MavenResolverTest {

    private static final Set<String> RUNTIME = Set.of("compile", "runtime");

    @TempDir
    Path remote;
    @TempDir
    Path cache;
    private HttpServer server;
    private String url;
    private MavenResolver resolver;

    @BeforeEach
    void serveFakeRepository() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/repo/", exchange -> {
            Path file = remote.resolve(exchange.getRequestURI().getPath().substring("/repo/".length()));
            boolean found = Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(found ? 200 : 404, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
        resolver = MavenResolver.isolated(cache, List.of(new Repository("fake", url)));
        publishFixtures();
    }

    @AfterEach
    void stopServer() {
        resolver.close();
        server.stop(0);
    }

    private void publishFixtures() throws IOException {
        pom("org.demo", "parent", "1.0", "<packaging>pom</packaging><properties><util.version>2.0</util.version>"
                + "</properties><dependencyManagement><dependencies>" + dep("org.demo", "util", "${util.version}", "")
                + "</dependencies></dependencyManagement>");
        pom("org.demo", "app", "1.0", "<parent><groupId>org.demo</groupId><artifactId>parent</artifactId>"
                + "<version>1.0</version></parent><dependencies>"
                + dep("org.demo", "util", null, "")
                + dep("org.demo", "optional-extra", "1.0", "<optional>true</optional>")
                + dep("org.demo", "testing", "1.0", "<scope>test</scope>")
                + dep("org.demo", "logging", "1.0", "<exclusions><exclusion><groupId>org.demo</groupId>"
                + "<artifactId>noisy</artifactId></exclusion></exclusions>")
                + "</dependencies>");
        jarWithPom("org.demo", "util", "2.0", "<dependencies>" + dep("org.demo", "core", "1.0", "") + "</dependencies>");
        jarWithPom("org.demo", "util", "1.0", "");
        jarWithPom("org.demo", "logging", "1.0", "<dependencies>" + dep("org.demo", "noisy", "1.0", "")
                + dep("org.demo", "core", "0.9", "") + "</dependencies>");
        jarWithPom("org.demo", "core", "1.0", "");
        jarWithPom("org.demo", "core", "0.9", "");
        jarWithPom("org.demo", "noisy", "1.0", "");
        jarWithPom("org.demo", "optional-extra", "1.0", "");
        jarWithPom("org.demo", "testing", "1.0", "");
        publish("org/demo/app/1.0/app-1.0.jar", "app");
    }

    @Test
    void resolvesTransitivelyWithParentManagementScopesExclusionsAndNearestWins() throws IOException {
        List<Path> jars = resolver.resolve(List.of("org.demo:app:1.0"));
        assertEquals(List.of("app-1.0.jar", "util-2.0.jar", "core-1.0.jar", "logging-1.0.jar"), names(jars));
        assertTrue(jars.stream().allMatch(p -> p.startsWith(cache)));
    }

    @Test
    void secondResolutionUsesTheCacheWithoutTheServer() throws IOException {
        resolver.resolve(List.of("org.demo:app:1.0"));
        server.stop(0);
        assertEquals(4, resolver.resolve(List.of("org.demo:app:1.0")).size());
    }

    @Test
    void pomFragmentRootsUseTheirScopes() throws IOException {
        String pom = project(dep("org.demo", "core", "1.0", "") + dep("org.demo", "testing", "1.0", "<scope>test</scope>"));
        assertEquals(List.of("core-1.0.jar"), names(resolver.resolvePom(pom, RUNTIME)));
        assertEquals(List.of("testing-1.0.jar"), names(resolver.resolvePom(pom, Set.of("test"))));
    }

    @Test
    void osActivatedProfileOfADependencyPicksTheNativeClassifier() throws IOException {
        jarWithPom("org.demo", "backend", "1.0", "");
        classifiedJar("org.demo", "backend", "1.0", "this-platform");
        classifiedJar("org.demo", "backend", "1.0", "other-platform");
        jarWithPom("org.demo", "native", "1.0", platformProfiles() + "<dependencies>"
                + dep("org.demo", "backend", "1.0", "<classifier>${platform}</classifier>") + "</dependencies>");
        assertEquals(List.of("native-1.0.jar", "backend-1.0-this-platform.jar"),
                names(resolver.resolve(List.of("org.demo:native:1.0"))));
    }

    @Test
    void profilesOfALoadedPomApplyToItsOwnDependencies() throws IOException {
        classifiedJar("org.demo", "core", "1.0", "this-platform");
        String pom = "<project><modelVersion>4.0.0</modelVersion><groupId>nb</groupId><artifactId>nb</artifactId>"
                + "<version>1</version>" + platformProfiles() + "<dependencies>"
                + dep("org.demo", "core", "1.0", "<classifier>${platform}</classifier>") + "</dependencies></project>";
        assertEquals(List.of("core-1.0-this-platform.jar"), names(resolver.resolvePom(pom, RUNTIME)));
    }

    @Test
    void settingsXmlMirrorsAndLocalRepositoryAreObeyed(@TempDir Path home) throws IOException {
        Path local = home.resolve("elsewhere-repository");
        Path settings = home.resolve("settings.xml");
        Files.writeString(settings, "<settings><localRepository>" + local + "</localRepository><mirrors><mirror>"
                + "<id>company</id><mirrorOf>*</mirrorOf><url>" + url + "</url></mirror></mirrors></settings>");
        try (MavenResolver fromSettings = MavenResolver.withSettings(settings)) {
            List<Path> jars = fromSettings.resolve(List.of("org.demo:core:1.0"));
            assertEquals(local.resolve("org/demo/core/1.0/core-1.0.jar"), jars.get(0));
        }
    }

    @Test
    void corruptedDownloadIsRejectedByItsChecksum() throws IOException {
        publish("org/demo/bad/1.0/bad-1.0.pom", "<project><modelVersion>4.0.0</modelVersion><groupId>org.demo"
                + "</groupId><artifactId>bad</artifactId><version>1.0</version></project>");
        write("org/demo/bad/1.0/bad-1.0.jar", "real bytes");
        write("org/demo/bad/1.0/bad-1.0.jar.sha1", "0000000000000000000000000000000000000000");
        IOException error = assertThrows(IOException.class, () -> resolver.resolve(List.of("org.demo:bad:1.0")));
        assertTrue(error.getMessage().contains("Checksum validation failed"), error.getMessage());
        assertTrue(Files.notExists(cache.resolve("org/demo/bad/1.0/bad-1.0.jar")));
    }

    @Test
    void missingArtifactNamesWhatWasSearchedAndWhatToDo() {
        IOException error = assertThrows(IOException.class, () -> resolver.resolve(List.of("org.demo:absent:1.0")));
        assertTrue(error.getMessage().contains("org.demo:absent"), error.getMessage());
        assertTrue(error.getMessage().contains(url), error.getMessage());
        assertTrue(error.getMessage().contains("%mavenRepo"), error.getMessage());
    }

    @Test
    void badCoordinatesSayWhatIsExpected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(List.of("just-a-name")));
        assertTrue(error.getMessage().contains("group:artifact:version"), error.getMessage());
    }

    @Test
    void addedRepositoryIsSearched(@TempDir Path otherCache) throws IOException {
        try (MavenResolver empty = MavenResolver.isolated(otherCache, List.of())) {
            assertThrows(IOException.class, () -> empty.resolve(List.of("org.demo:core:1.0")));
            empty.addRepository(new Repository("fake", url));
            assertEquals(List.of("core-1.0.jar"), names(empty.resolve(List.of("org.demo:core:1.0"))));
        }
    }

    @Test
    void resolvesARealArtifactFromMavenCentral(@TempDir Path freshCache) throws IOException {
        assumeTrue(centralReachable(), "Maven Central is not reachable; skipping the online check");
        try (MavenResolver central = MavenResolver.isolated(freshCache, List.of(Repository.CENTRAL))) {
            List<Path> jars = central.resolve(List.of("com.google.code.gson:gson:2.10.1"));
            assertEquals("gson-2.10.1.jar", jars.get(0).getFileName().toString());
            assertTrue(Files.size(jars.get(0)) > 100_000);
        }
    }

    private static boolean centralReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("repo.maven.apache.org", 443), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Two profiles setting ${platform}: one active on this JVM's OS and architecture, one never. */
    private static String platformProfiles() {
        return "<profiles>" + profile("this", System.getProperty("os.name"), System.getProperty("os.arch"))
                + profile("other", "no-such-os", "no-such-arch") + "</profiles>";
    }

    private static String profile(String id, String osName, String osArch) {
        return "<profile><id>" + id + "</id><activation><os><name>" + osName + "</name><arch>" + osArch
                + "</arch></os></activation><properties><platform>" + id + "-platform</platform></properties></profile>";
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static String project(String dependencies) {
        return "<project><modelVersion>4.0.0</modelVersion><groupId>nb</groupId><artifactId>nb</artifactId>"
                + "<version>1</version><dependencies>" + dependencies + "</dependencies></project>";
    }

    private static String dep(String group, String artifact, String version, String extra) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + extra + "</dependency>";
    }

    private void pom(String group, String artifact, String version, String body) throws IOException {
        publish(base(group, artifact, version) + ".pom", "<project><modelVersion>4.0.0</modelVersion><groupId>" + group
                + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version + "</version>" + body
                + "</project>");
    }

    private void jarWithPom(String group, String artifact, String version, String body) throws IOException {
        pom(group, artifact, version, body);
        publish(base(group, artifact, version) + ".jar", artifact + version);
    }

    private void classifiedJar(String group, String artifact, String version, String classifier) throws IOException {
        publish(base(group, artifact, version) + "-" + classifier + ".jar", artifact + version + classifier);
    }

    private static String base(String group, String artifact, String version) {
        return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version;
    }

    /** Writes a file with its .sha1, as a repository publishes it. */
    private void publish(String path, String content) throws IOException {
        write(path, content);
        write(path + ".sha1", sha1(content));
    }

    private void write(String path, String content) throws IOException {
        Path file = remote.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String sha1(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
