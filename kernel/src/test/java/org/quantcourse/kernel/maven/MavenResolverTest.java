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
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Resolves against a fake repository served over HTTP on 127.0.0.1. */
class MavenResolverTest {

    @TempDir
    Path remote;
    @TempDir
    Path cache;
    private HttpServer server;
    private MavenResolver resolver;

    @BeforeEach
    void serveFakeRepository() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/repo/", exchange -> {
            Path file = remote.resolve(exchange.getRequestURI().getPath().substring("/repo/".length()));
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(Files.isRegularFile(file) ? 200 : 404, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
        resolver = new MavenResolver(cache, List.of(new Repository("fake", url)));
        publishFixtures();
    }

    @AfterEach
    void stopServer() {
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
        write("org/demo/app/1.0/app-1.0.jar", "app");
    }

    @Test
    void resolvesTransitivelyWithParentManagementScopesExclusionsAndNearestWins() throws IOException {
        List<Path> jars = resolver.resolve(List.of(Dependency.compile("org.demo:app:1.0")));
        assertEquals(List.of("app-1.0.jar", "util-2.0.jar", "logging-1.0.jar", "core-1.0.jar"),
                jars.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(jars.stream().allMatch(p -> p.startsWith(cache)));
    }

    @Test
    void secondResolutionUsesTheCacheWithoutTheServer() throws IOException {
        resolver.resolve(List.of(Dependency.compile("org.demo:app:1.0")));
        server.stop(0);
        assertEquals(4, resolver.resolve(List.of(Dependency.compile("org.demo:app:1.0"))).size());
    }

    @Test
    void pomFragmentRootsUseTheirScopes() throws IOException {
        String pom = "<project><dependencies>" + dep("org.demo", "core", "1.0", "")
                + dep("org.demo", "testing", "1.0", "<scope>test</scope>") + "</dependencies></project>";
        List<Path> jars = resolver.resolvePom(pom, Set.of("compile", "runtime"));
        assertEquals(List.of("core-1.0.jar"), jars.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void corruptedDownloadIsRejectedByItsChecksum() throws IOException {
        write("org/demo/bad/1.0/bad-1.0.pom", "<project><artifactId>bad</artifactId></project>");
        write("org/demo/bad/1.0/bad-1.0.jar", "real bytes");
        write("org/demo/bad/1.0/bad-1.0.jar.sha1", "0000000000000000000000000000000000000000");
        IOException error = assertThrows(IOException.class,
                () -> resolver.resolve(List.of(Dependency.compile("org.demo:bad:1.0"))));
        assertTrue(error.getMessage().contains("Checksum mismatch"), error.getMessage());
        assertTrue(Files.notExists(cache.resolve("org/demo/bad/1.0/bad-1.0.jar")));
    }

    @Test
    void missingArtifactNamesWhatWasSearched() {
        IOException error = assertThrows(IOException.class,
                () -> resolver.resolve(List.of(Dependency.compile("org.demo:absent:1.0"))));
        assertTrue(error.getMessage().contains("org.demo:absent"), error.getMessage());
    }

    @Test
    void badCoordinatesSayWhatIsExpected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Artifact.parse("just-a-name"));
        assertTrue(error.getMessage().contains("group:artifact:version"));
    }

    @Test
    void resolvesARealArtifactFromMavenCentral(@TempDir Path freshCache) throws IOException {
        assumeTrue(centralReachable(), "Maven Central is not reachable; skipping the online check");
        MavenResolver central = new MavenResolver(freshCache, List.of(Repository.CENTRAL));
        List<Path> jars = central.resolve(List.of(Dependency.compile("com.google.code.gson:gson:2.10.1")));
        assertEquals("gson-2.10.1.jar", jars.get(0).getFileName().toString());
        assertTrue(Files.size(jars.get(0)) > 100_000);
    }

    private static boolean centralReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("repo.maven.apache.org", 443), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String dep(String group, String artifact, String version, String extra) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + extra + "</dependency>";
    }

    private void pom(String group, String artifact, String version, String body) throws IOException {
        write(group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version + ".pom",
                "<project><modelVersion>4.0.0</modelVersion><groupId>" + group + "</groupId><artifactId>" + artifact
                        + "</artifactId><version>" + version + "</version>" + body + "</project>");
    }

    private void jarWithPom(String group, String artifact, String version, String body) throws IOException {
        pom(group, artifact, version, body);
        String path = group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version + ".jar";
        write(path, artifact + version);
        write(path + ".sha1", ArtifactFetcher.sha1((artifact + version).getBytes(StandardCharsets.UTF_8)));
    }

    private void write(String path, String content) throws IOException {
        Path file = remote.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
