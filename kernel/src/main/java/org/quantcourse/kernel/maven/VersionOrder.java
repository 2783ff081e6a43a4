package org.quantcourse.kernel.maven;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders Maven versions (numbers numerically, qualifiers alpha &lt; beta &lt; rc &lt; release) and picks from ranges. */
final class VersionOrder implements Comparator<String> {

    static final VersionOrder INSTANCE = new VersionOrder();
    private static final List<String> QUALIFIERS = List.of("alpha", "a", "beta", "b", "milestone", "m", "rc", "cr",
            "snapshot", "", "ga", "final", "release", "sp");
    private static final Pattern VERSIONS = Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");

    @Override
    public int compare(String a, String b) {
        String[] x = a.toLowerCase().split("[.\\-]");
        String[] y = b.toLowerCase().split("[.\\-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = comparePart(i < x.length ? x[i] : "", i < y.length ? y[i] : "");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int comparePart(String p, String q) {
        boolean pn = p.matches("\\d+");
        boolean qn = q.matches("\\d+");
        if (pn && qn) {
            return new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
        }
        if (pn != qn) {
            String word = pn ? q : p;
            int sign = pn ? 1 : -1;
            return word.isEmpty() ? sign : (QUALIFIERS.indexOf(word) >= QUALIFIERS.indexOf("") ? -sign : sign);
        }
        int ip = QUALIFIERS.indexOf(p);
        int iq = QUALIFIERS.indexOf(q);
        return ip >= 0 && iq >= 0 ? Integer.compare(ip, iq) : p.compareTo(q);
    }

    /** Whether the version is a range such as {@code [1.0,2.0)}. */
    static boolean isRange(String version) {
        return version != null && (version.startsWith("[") || version.startsWith("("));
    }

    /** The highest version listed in maven-metadata.xml that lies inside the range. */
    static Optional<String> highestInRange(String range, String metadataXml) {
        Matcher m = VERSIONS.matcher(metadataXml);
        Optional<String> best = Optional.empty();
        while (m.find()) {
            String candidate = m.group(1);
            if (inRange(candidate, range) && best.map(b -> INSTANCE.compare(candidate, b) > 0).orElse(true)) {
                best = Optional.of(candidate);
            }
        }
        return best;
    }

    static boolean inRange(String version, String range) {
        for (String part : range.split("(?<=[\\])]),")) {
            String body = part.substring(1, part.length() - 1);
            String[] bounds = body.split(",", -1);
            String low = bounds[0].trim();
            String high = bounds.length > 1 ? bounds[1].trim() : low;
            boolean lowOk = low.isEmpty() || (part.startsWith("[") ? INSTANCE.compare(version, low) >= 0
                    : INSTANCE.compare(version, low) > 0);
            boolean highOk = high.isEmpty() || (part.endsWith("]") ? INSTANCE.compare(version, high) <= 0
                    : INSTANCE.compare(version, high) < 0);
            if (lowOk && highOk) {
                return true;
            }
        }
        return false;
    }
}
