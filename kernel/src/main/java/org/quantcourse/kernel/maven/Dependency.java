package org.quantcourse.kernel.maven;

import java.util.Set;

/** A dependency edge: the artifact, its scope, whether it is optional and the group:artifact patterns it excludes. */
public record Dependency(Artifact artifact, String scope, boolean optional, Set<String> exclusions) {

    /** Defaults the scope to compile and copies the exclusions. */
    public Dependency {
        scope = scope == null || scope.isBlank() ? "compile" : scope;
        exclusions = Set.copyOf(exclusions);
    }

    /** A plain compile dependency on the given coordinates. */
    public static Dependency compile(String coordinates) {
        return new Dependency(Artifact.parse(coordinates), "compile", false, Set.of());
    }

    /** Whether this dependency's exclusions drop the given artifact ({@code *} wildcards allowed). */
    public boolean excludes(Artifact other) {
        return exclusions.stream().anyMatch(pattern -> matches(pattern, other));
    }

    static boolean matches(String pattern, Artifact artifact) {
        String[] parts = pattern.split(":", 2);
        boolean group = parts[0].equals("*") || parts[0].equals(artifact.groupId());
        boolean name = parts.length < 2 || parts[1].equals("*") || parts[1].equals(artifact.artifactId());
        return group && name;
    }
}
