package org.quantcourse.kernel.maven;

import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;

/** A remote Maven repository with an id and a base URL. */
public record Repository(String id, String url) {

    /** Maven Central. */
    public static final Repository CENTRAL = new Repository("central", "https://repo.maven.apache.org/maven2/");

    /** Ensures the id is present and the URL is http(s) and ends with a slash. */
    public Repository {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A repository needs an id, e.g. %mavenRepo jitpack https://jitpack.io");
        }
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("Repository '" + id + "' needs an http(s) URL; got '" + url + "'");
        }
        url = url.endsWith("/") ? url : url + "/";
    }

    /** The resolver's view: releases and snapshots enabled, snapshots re-checked daily. */
    RemoteRepository toRemote() {
        RepositoryPolicy policy = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_DAILY,
                RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        return new RemoteRepository.Builder(id, "default", url).setPolicy(policy).build();
    }
}
