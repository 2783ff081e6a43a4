package org.quantcourse.kernel.magic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a POM from the fragment in a {@code %%loadFromPOM} cell: a whole {@code <project>} is used as is; otherwise
 * every {@code <dependency>} and {@code <repository>} (loose or inside their list elements) is collected into one.
 */
public final class PomFragment {

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL);
    private static final Pattern REPOSITORY = Pattern.compile("<repository>.*?</repository>", Pattern.DOTALL);
    private static final Pattern MANAGEMENT = Pattern.compile("<dependencyManagement>.*?</dependencyManagement>",
            Pattern.DOTALL);

    private PomFragment() {
    }

    /** The POM XML for the fragment. */
    public static String toPom(String fragment) {
        String body = fragment.strip();
        if (body.startsWith("<?xml") || body.startsWith("<project")) {
            return body;
        }
        Matcher management = MANAGEMENT.matcher(body);
        String managed = management.find() ? management.group() : "";
        String rest = management.replaceAll("");
        return "<project><modelVersion>4.0.0</modelVersion><groupId>notebook</groupId>"
                + "<artifactId>notebook</artifactId><version>1</version>"
                + "<repositories>" + all(REPOSITORY, rest) + "</repositories>"
                + managed + "<dependencies>" + all(DEPENDENCY, rest) + "</dependencies></project>";
    }

    private static String all(Pattern pattern, String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.append(m.group()).append('\n');
        }
        return out.toString();
    }
}
