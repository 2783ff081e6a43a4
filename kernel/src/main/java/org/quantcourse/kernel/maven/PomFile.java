package org.quantcourse.kernel.maven;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One POM as written (before inheritance and interpolation): coordinates, parent, properties, dependencies,
 * dependency management, repositories and relocation. Parsed without DTDs or external entities.
 */
public record PomFile(String groupId, String artifactId, String version, String packaging, Parent parent,
                      Map<String, String> properties, List<Declared> dependencies, List<Declared> managed,
                      List<Repository> repositories, Relocation relocation) {

    /** A parent reference. */
    public record Parent(String groupId, String artifactId, String version) {
    }

    /** A relocation notice: the coordinates that replace this artifact (null parts keep the old value). */
    public record Relocation(String groupId, String artifactId, String version) {
    }

    /** A dependency as declared, with ${...} expressions still unresolved. */
    public record Declared(String groupId, String artifactId, String version, String type, String classifier,
                           String scope, boolean optional, Set<String> exclusions) {
    }

    /** Parses POM XML text. */
    public static PomFile parse(String xml) {
        Element project = document(xml).getDocumentElement();
        Element parentEl = child(project, "parent");
        Parent parent = parentEl == null ? null
                : new Parent(text(parentEl, "groupId"), text(parentEl, "artifactId"), text(parentEl, "version"));
        Element relocationEl = child(child(project, "distributionManagement"), "relocation");
        Relocation relocation = relocationEl == null ? null : new Relocation(text(relocationEl, "groupId"),
                text(relocationEl, "artifactId"), text(relocationEl, "version"));
        return new PomFile(text(project, "groupId"), text(project, "artifactId"), text(project, "version"),
                orDefault(text(project, "packaging"), "jar"), parent, properties(project),
                declared(child(project, "dependencies")),
                declared(child(child(project, "dependencyManagement"), "dependencies")),
                repositories(child(project, "repositories")), relocation);
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a readable POM: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(Element project) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element p : children(child(project, "properties"))) {
            properties.put(p.getTagName(), p.getTextContent().trim());
        }
        return properties;
    }

    private static List<Declared> declared(Element dependencies) {
        List<Declared> out = new ArrayList<>();
        for (Element d : children(dependencies)) {
            if (!d.getTagName().equals("dependency")) {
                continue;
            }
            Set<String> exclusions = new LinkedHashSet<>();
            for (Element e : children(child(d, "exclusions"))) {
                exclusions.add(orDefault(text(e, "groupId"), "*") + ":" + orDefault(text(e, "artifactId"), "*"));
            }
            out.add(new Declared(text(d, "groupId"), text(d, "artifactId"), text(d, "version"), text(d, "type"),
                    text(d, "classifier"), text(d, "scope"), "true".equalsIgnoreCase(text(d, "optional")), exclusions));
        }
        return out;
    }

    private static List<Repository> repositories(Element repositories) {
        List<Repository> out = new ArrayList<>();
        for (Element r : children(repositories)) {
            String url = text(r, "url");
            if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
                out.add(new Repository(orDefault(text(r, "id"), url), url));
            }
        }
        return out;
    }

    /** The direct child element with the tag, or null. */
    static Element child(Element parent, String tag) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    /** The child elements of an element (none for null). */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
