package org.quantcourse.kernel.maven;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Downloads artifacts into a local repository with the standard layout (a file already there is used as is),
 * checking the published SHA-1 when there is one and writing through a temporary file, so an interrupted download
 * never leaves a partial file in the cache.
 */
final class ArtifactFetcher {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final Path localRepository;
    private final HttpClient http;

    ArtifactFetcher(Path localRepository) {
        this.localRepository = localRepository;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL);
        proxyFromEnvironment().ifPresent(builder::proxy);
        this.http = builder.build();
    }

    /** The local file of the artifact, downloaded from the first repository that has it if not cached yet. */
    Path fetch(Artifact artifact, List<Repository> repositories) throws IOException {
        Path target = localRepository.resolve(artifact.repositoryPath());
        if (Files.isRegularFile(target)) {
            return target;
        }
        IOException lastError = null;
        for (Repository repository : repositories) {
            try {
                if (download(URI.create(repository.url() + artifact.repositoryPath()), target)) {
                    return target;
                }
            } catch (IOException e) {
                lastError = e;
            }
        }
        String tried = repositories.stream().map(Repository::url).reduce((a, b) -> a + ", " + b).orElse("none");
        throw new IOException("Cannot find " + artifact + " in the local repository " + localRepository
                + " or in " + tried + (lastError == null ? "" : " (" + lastError.getMessage() + ")"), lastError);
    }

    /** A text document (maven-metadata.xml) from the first repository that has it. */
    Optional<String> text(String path, List<Repository> repositories) throws IOException {
        for (Repository repository : repositories) {
            HttpResponse<byte[]> response = get(URI.create(repository.url() + path));
            if (response.statusCode() == 200) {
                return Optional.of(new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private boolean download(URI uri, Path target) throws IOException {
        HttpResponse<byte[]> response = get(uri);
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + uri);
        }
        byte[] body = response.body();
        verifySha1(uri, body);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(temp, body);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }

    private void verifySha1(URI uri, byte[] body) throws IOException {
        HttpResponse<byte[]> checksum = get(URI.create(uri + ".sha1"));
        if (checksum.statusCode() != 200) {
            return;
        }
        String expected = new String(checksum.body(), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        String actual = sha1(body);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IOException("Checksum mismatch for " + uri + ": expected SHA-1 " + expected + ", got " + actual);
        }
    }

    static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    private HttpResponse<byte[]> get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "quantcourse-java-kernel").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + uri + " was interrupted");
        }
    }

    private static Optional<ProxySelector> proxyFromEnvironment() {
        String proxy = System.getenv().getOrDefault("HTTPS_PROXY", System.getenv("https_proxy"));
        if (proxy == null || proxy.isBlank() || System.getProperty("https.proxyHost") != null) {
            return Optional.empty();
        }
        URI uri = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(ProxySelector.of(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort())));
    }
}
