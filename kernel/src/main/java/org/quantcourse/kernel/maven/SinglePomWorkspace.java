package org.quantcourse.kernel.maven;

import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** A workspace holding one POM file under given coordinates, so the resolver reads a POM that is in no repository. */
final class SinglePomWorkspace implements WorkspaceReader {

    private final Artifact coordinates;
    private final Path pom;
    private final WorkspaceRepository repository = new WorkspaceRepository("loadFromPOM");

    SinglePomWorkspace(Artifact coordinates, Path pom) {
        this.coordinates = coordinates;
        this.pom = pom;
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        return isThePom(artifact) ? pom.toFile() : null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        return isThePom(artifact) ? List.of(coordinates.getVersion()) : List.of();
    }

    private boolean isThePom(Artifact artifact) {
        return artifact.getGroupId().equals(coordinates.getGroupId())
                && artifact.getArtifactId().equals(coordinates.getArtifactId())
                && artifact.getExtension().equals("pom");
    }
}
