package org.quantcourse.kernel.maven;

import java.util.List;

/** A POM after parent inheritance, BOM imports, interpolation and version management: what resolution needs. */
record EffectivePom(Artifact artifact, String packaging, List<Dependency> dependencies,
                    List<Repository> repositories, PomFile.Relocation relocation) {
}
