package org.quantcourse.kernel.maven;

/** Maven coordinates of one file: group, artifact, version, extension (jar, pom) and optional classifier. */
public record Artifact(String groupId, String artifactId, String version, String extension, String classifier) {

    /** Checks the required parts; blank classifier becomes empty. */
    public Artifact {
        require(groupId, "groupId");
        require(artifactId, "artifactId");
        extension = extension == null || extension.isBlank() ? "jar" : extension;
        classifier = classifier == null ? "" : classifier;
    }

    /**
     * Parses {@code group:artifact:version}, {@code group:artifact:extension:version} or
     * {@code group:artifact:extension:classifier:version}.
     */
    public static Artifact parse(String coordinates) {
        String[] parts = coordinates.trim().split(":");
        return switch (parts.length) {
            case 3 -> new Artifact(parts[0], parts[1], parts[2], "jar", "");
            case 4 -> new Artifact(parts[0], parts[1], parts[3], parts[2], "");
            case 5 -> new Artifact(parts[0], parts[1], parts[4], parts[2], parts[3]);
            default -> throw new IllegalArgumentException("Maven coordinates must be group:artifact:version "
                    + "(or group:artifact:extension[:classifier]:version); got '" + coordinates + "'");
        };
    }

    /** The same artifact with another version. */
    public Artifact withVersion(String newVersion) {
        return new Artifact(groupId, artifactId, newVersion, extension, classifier);
    }

    /** The POM describing this artifact. */
    public Artifact pom() {
        return new Artifact(groupId, artifactId, version, "pom", "");
    }

    /** group:artifact, the key for exclusions. */
    public String groupArtifact() {
        return groupId + ":" + artifactId;
    }

    /** The key under which two versions of the same file conflict (nearest wins). */
    public String conflictKey() {
        return groupArtifact() + ":" + extension + ":" + classifier;
    }

    /** The path in a repository with the standard Maven layout. */
    public String repositoryPath() {
        require(version, "version of " + groupArtifact());
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version
                + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + (extension.equals("jar") && classifier.isEmpty() ? ""
                : extension + ":" + (classifier.isEmpty() ? "" : classifier + ":")) + version;
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalArgumentException("Missing or unresolved " + what + " (got '" + value + "')");
        }
    }
}
