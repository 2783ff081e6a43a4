package org.quantcourse.kernel.maven;

/** A remote Maven repository with an id and a base URL. */
public record Repository(String id, String url) {

    /** Maven Central. */
    public static final Repository CENTRAL = new Repository("central", "https://repo.maven.apache.org/maven2/");

    /** Ensures the URL is http(s) and ends with a slash. */
    public Repository {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("Repository '" + id + "' needs an http(s) URL; got '" + url + "'");
        }
        url = url.endsWith("/") ? url : url + "/";
    }
}
