package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FullMnist against a local HTTP server on 127.0.0.1 serving small synthetic IDX files; no internet. */
class FullMnistTest {

    private static final int TRAIN = 30;
    private static final int TEST = 12;

    @TempDir
    Path cacheDir;

    private final Map<String, byte[]> good = new HashMap<>();
    private final Map<String, String> sha256 = new HashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        good.put(MnistFormat.TRAIN_IMAGES, IdxWriter.gzip(IdxWriter.images(4, 4, SyntheticImages.pixels(TRAIN, 4, 4, 1L))));
        good.put(MnistFormat.TRAIN_LABELS, IdxWriter.gzip(IdxWriter.labels(SyntheticImages.cyclicLabels(TRAIN, 10))));
        good.put(MnistFormat.TEST_IMAGES, IdxWriter.gzip(IdxWriter.images(4, 4, SyntheticImages.pixels(TEST, 4, 4, 2L))));
        good.put(MnistFormat.TEST_LABELS, IdxWriter.gzip(IdxWriter.labels(SyntheticImages.cyclicLabels(TEST, 10))));
        good.forEach((file, content) -> sha256.put(file, Sha256.of(content)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** /good/<file> serves the file, /bad/<file> a copy with one byte flipped, anything else 404. */
    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String[] parts = path.split("/");
        byte[] body = parts.length == 3 ? good.get(parts[2]) : null;
        if (body != null && parts[1].equals("bad")) {
            body = body.clone();
            body[body.length / 2] ^= 1;
        } else if (!"good".equals(parts.length == 3 ? parts[1] : "")) {
            body = null;
        }
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (body != null) {
                out.write(body);
            }
        }
    }

    private URI mirror(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    private List<String> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndCachesTheFourFiles() throws Exception {
        DatasetSplit split = FullMnist.load(List.of(mirror("good")), cacheDir, sha256);
        assertEquals(TRAIN, split.train().size());
        assertEquals(TEST, split.test().size());
        assertEquals("mnist train", split.train().name());
        for (String file : MnistFormat.FILES) {
            assertArrayEquals(good.get(file), Files.readAllBytes(cacheDir.resolve(file)));
        }
        assertEquals(MnistFormat.FILES.stream().sorted().toList(), cacheFiles());
    }

    @Test
    void cachedFilesAreUsedWithoutNetwork() throws Exception {
        FullMnist.load(List.of(mirror("good")), cacheDir, sha256);
        int before = requests.values().stream().mapToInt(AtomicInteger::get).sum();
        DatasetSplit again = FullMnist.load(List.of(closedPort()), cacheDir, sha256);
        assertEquals(TRAIN, again.train().size());
        assertEquals(before, requests.values().stream().mapToInt(AtomicInteger::get).sum());
    }

    @Test
    void corruptDownloadIsDiscardedAndTheNextMirrorUsed() throws Exception {
        DatasetSplit split = FullMnist.load(List.of(mirror("bad"), mirror("good")), cacheDir, sha256);
        assertEquals(TRAIN, split.train().size());
        for (String file : MnistFormat.FILES) {
            assertEquals(1, requests.get("/bad/" + file).get());
            assertArrayEquals(good.get(file), Files.readAllBytes(cacheDir.resolve(file)));
        }
        assertEquals(MnistFormat.FILES.stream().sorted().toList(), cacheFiles());
    }

    @Test
    void corruptDownloadIsNeverKeptAndTheErrorSaysHowToFix() throws Exception {
        DatasetException e = assertThrows(DatasetException.class,
                () -> FullMnist.load(List.of(mirror("bad")), cacheDir, sha256));
        assertTrue(e.getMessage().contains("SHA-256 is"), e.getMessage());
        assertTrue(e.getMessage().contains("discarded"), e.getMessage());
        assertTrue(e.getMessage().contains("into " + cacheDir), e.getMessage());
        assertTrue(e.getMessage().contains("MnistSample.load()"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void missingFileOnTheMirrorReportsHttp404() throws Exception {
        DatasetException e = assertThrows(DatasetException.class,
                () -> FullMnist.load(List.of(mirror("missing")), cacheDir, sha256));
        assertTrue(e.getMessage().contains(mirror("missing") + MnistFormat.TRAIN_IMAGES + ": HTTP 404"),
                e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void unreachableMirrorReportsTheUrlAndTheOfflineAlternative() throws Exception {
        URI offline = closedPort();
        DatasetException e = assertThrows(DatasetException.class,
                () -> FullMnist.load(List.of(offline), cacheDir, sha256));
        assertTrue(e.getMessage().contains(offline + MnistFormat.TRAIN_IMAGES + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("MnistSample.load()"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void corruptCachedFileIsSetAsideAndDownloadedAgain() throws Exception {
        byte[] junk = {1, 2, 3};
        Files.write(cacheDir.resolve(MnistFormat.TRAIN_LABELS), junk);
        FullMnist.load(List.of(mirror("good")), cacheDir, sha256);
        assertArrayEquals(junk, Files.readAllBytes(cacheDir.resolve(MnistFormat.TRAIN_LABELS + ".rejected")));
        assertArrayEquals(good.get(MnistFormat.TRAIN_LABELS),
                Files.readAllBytes(cacheDir.resolve(MnistFormat.TRAIN_LABELS)));
    }

    @Test
    void publicEntryPointChecksThePublishedMnistChecksums() throws Exception {
        DatasetException e = assertThrows(DatasetException.class, () -> FullMnist.load(mirror("good"), cacheDir));
        assertTrue(e.getMessage().contains(FullMnist.SHA256.get(MnistFormat.TRAIN_IMAGES)), e.getMessage());
        assertFalse(Files.exists(cacheDir.resolve(MnistFormat.TRAIN_IMAGES)));
    }

    @Test
    void cacheDirectoryFollowsTheCourseCacheDirProperty() {
        String old = System.getProperty(FullMnist.CACHE_PROPERTY);
        try {
            System.setProperty(FullMnist.CACHE_PROPERTY, cacheDir.toString());
            assertEquals(cacheDir.resolve("mnist"), FullMnist.defaultCacheDir());
            System.clearProperty(FullMnist.CACHE_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".cache", "quantcourse", "mnist"),
                    FullMnist.defaultCacheDir());
        } finally {
            if (old != null) {
                System.setProperty(FullMnist.CACHE_PROPERTY, old);
            }
        }
    }

    private static URI closedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/mnist/");
    }
}
