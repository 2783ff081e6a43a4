package org.quantcourse.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full MNIST (LeCun, Cortes, Burges; 60,000 training and 10,000 test digits), downloaded once into a cache
 * directory from a public mirror and verified by SHA-256. Used in notebook 06 for the full-size runs.
 */
public final class FullMnist {

    /** Name of this dataset for {@link Datasets#byName(String)}. */
    public static final String NAME = "mnist";

    /** System property naming the course's cache root; MNIST goes to its {@code mnist} sub-folder. */
    public static final String CACHE_PROPERTY = "course.cacheDir";

    /** Mirrors tried in order: PyTorch's S3 copy, then the Google Cloud copy TensorFlow uses. */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    /** SHA-256 of the original files, as published in TensorFlow Datasets' url_checksums/mnist.txt. */
    static final Map<String, String> SHA256 = Map.of(
            MnistFormat.TRAIN_IMAGES, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            MnistFormat.TRAIN_LABELS, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            MnistFormat.TEST_IMAGES, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            MnistFormat.TEST_LABELS, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private FullMnist() {
    }

    /** Loads MNIST from {@link #defaultCacheDir()}, downloading missing files from {@link #MIRRORS}. */
    public static DatasetSplit load() {
        return load(MIRRORS, defaultCacheDir(), SHA256);
    }

    /** Loads MNIST from {@code cacheDir}, downloading missing files from {@code mirror} (a folder URL). */
    public static DatasetSplit load(URI mirror, Path cacheDir) {
        return load(List.of(mirror), cacheDir, SHA256);
    }

    /** {@code <course.cacheDir>/mnist} if the system property is set, else {@code ~/.cache/quantcourse/mnist}. */
    public static Path defaultCacheDir() {
        String root = System.getProperty(CACHE_PROPERTY);
        Path base = root != null && !root.isBlank() ? Path.of(root)
                : Path.of(System.getProperty("user.home"), ".cache", "quantcourse");
        return base.resolve("mnist");
    }

    /** Loads from {@code cacheDir}, fetching each missing or corrupt file from the first mirror that has it. */
    static DatasetSplit load(List<URI> mirrors, Path cacheDir, Map<String, String> sha256) {
        createDirectories(cacheDir);
        Map<String, Set<String>> accepted = new LinkedHashMap<>();
        for (String file : MnistFormat.FILES) {
            ensureCached(file, mirrors, cacheDir, sha256.get(file));
            accepted.put(file, Set.of(sha256.get(file)));
        }
        return MnistFormat.load(NAME, MnistFormat.directory(cacheDir, fix(cacheDir)), accepted,
                MnistFormat.DIGITS, fix(cacheDir));
    }

    private static void ensureCached(String file, List<URI> mirrors, Path cacheDir, String sha256) {
        Path target = cacheDir.resolve(file);
        if (Files.isRegularFile(target)) {
            if (Sha256.of(IdxReader.readFile(target)).equals(sha256)) {
                return;
            }
            setAside(target);
        }
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = folder(mirror).resolve(file);
            try {
                download(uri, target, sha256);
                return;
            } catch (IOException e) {
                failures.add(uri + ": " + (e.getClass() == IOException.class ? e.getMessage() : e.toString()));
            }
        }
        throw new DatasetException("Could not download MNIST file " + file + " into " + cacheDir + ":\n  "
                + String.join("\n  ", failures) + "\n" + fix(cacheDir));
    }

    /** Streams {@code uri} into a temporary file next to {@code target}; moves it there only if its SHA-256 fits. */
    private static void download(URI uri, Path target, String sha256) throws IOException {
        System.out.println("Downloading " + uri + " to " + target.getParent());
        Path part = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        try {
            String actual = copy(uri, part);
            if (!actual.equals(sha256)) {
                throw new IOException("SHA-256 is " + actual + " but " + sha256
                        + " was expected (corrupt or different file; discarded)");
            }
            moveAtomically(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Copies the body of {@code uri} into {@code file} and returns its SHA-256; throws on any non-200 answer. */
    private static String copy(URI uri, Path file) throws IOException {
        URLConnection connection = uri.toURL().openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        if (connection instanceof HttpURLConnection http && http.getResponseCode() != HttpURLConnection.HTTP_OK) {
            String status = "HTTP " + http.getResponseCode() + " " + http.getResponseMessage();
            http.disconnect();
            throw new IOException(status);
        }
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Renames a cached file whose checksum is wrong to {@code <name>.rejected}, so it is kept but never used. */
    private static void setAside(Path file) {
        Path rejected = file.resolveSibling(file.getFileName() + ".rejected");
        try {
            Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
            System.out.println(file + " has the wrong SHA-256; moved it to " + rejected + " and downloading again");
        } catch (IOException e) {
            throw new DatasetException(file + ": has the wrong SHA-256 and cannot be moved aside (" + e
                    + "). Delete it by hand and try again", e);
        }
    }

    private static void createDirectories(Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new DatasetException("Cannot create the MNIST cache directory " + cacheDir + " (" + e
                    + "). Choose another one with -D" + CACHE_PROPERTY + "=<dir>, or use MnistSample.load()", e);
        }
    }

    private static URI folder(URI mirror) {
        String text = mirror.toString();
        return text.endsWith("/") ? mirror : URI.create(text + "/");
    }

    private static String fix(Path cacheDir) {
        return "To fix: check your network connection and try again; or put the four original files ("
                + String.join(", ", MnistFormat.FILES) + ") into " + cacheDir + " yourself;"
                + " or use MnistSample.load(), which ships with the course and works offline";
    }
}
