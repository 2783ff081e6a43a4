package org.quantcourse.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a redefinition changed, worded as {@code jshell} does: "replaced record P" when a declaration changed its
 * signature, then one line per dependent that was reset to null, recompiled, or can no longer be used. A cell that
 * re-declares something unchanged, changes only a method's body, or adds an import after which JShell merely
 * recompiles methods, reports nothing.
 */
final class RedefinitionReport {

    private RedefinitionReport() {
    }

    /** The lines to show for the events of one snippet, empty when nothing was replaced or invalidated. */
    static List<String> describe(JShell shell, List<SnippetEvent> events) {
        List<String> dependents = new ArrayList<>();
        boolean replaced = false;
        boolean dependentChanged = false;
        Snippet main = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                main = event.snippet();
            } else if (event.status() == Snippet.Status.OVERWRITTEN) {
                replaced = true;
            } else if (event.snippet() instanceof DeclarationSnippet dependent) {
                dependents.add("  " + update(shell, event, dependent));
                dependentChanged |= changedForTheUser(event, dependent);
            }
        }
        SnippetEvent first = events.isEmpty() ? null : events.get(0);
        boolean signatureChanged = replaced && first != null && first.isSignatureChange();
        boolean typeReplaced = signatureChanged && main != null && main.kind() == Snippet.Kind.TYPE_DECL;
        if (main == null || (!typeReplaced && !dependentChanged)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add((signatureChanged ? "replaced " : "modified ") + describe(main));
        lines.addAll(dependents);
        return lines;
    }

    /**
     * A variable reset or a declaration that can no longer be used; a method or class that was only recompiled
     * (as every method is after a new import) still works and is worth a line only under a replaced type.
     */
    private static boolean changedForTheUser(SnippetEvent event, DeclarationSnippet dependent) {
        return event.status() != Snippet.Status.VALID || dependent.kind() == Snippet.Kind.VAR;
    }

    private static String update(JShell shell, SnippetEvent event, DeclarationSnippet dependent) {
        String what = describe(dependent);
        return switch (event.status()) {
            case VALID -> dependent.kind() == Snippet.Kind.VAR
                    ? "update replaced " + what + ", reset to " + resetValue(event)
                    : "update modified " + what;
            case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> "update replaced " + what + ", which cannot be used"
                    + until(shell, dependent) + "; run its cell again to declare it anew";
            case REJECTED, DROPPED -> "update dropped " + what + ": it no longer compiles; run its cell again";
            default -> "update " + what + " (" + event.status().name().toLowerCase() + ")";
        };
    }

    private static String until(JShell shell, DeclarationSnippet dependent) {
        List<String> missing = shell.unresolvedDependencies(dependent).collect(Collectors.toList());
        List<String> errors = shell.diagnostics(dependent).filter(d -> d.isError())
                .map(d -> d.getMessage(java.util.Locale.ENGLISH).lines().findFirst().orElse("")).toList();
        if (!missing.isEmpty()) {
            return " until " + String.join(", ", missing) + " is declared";
        }
        return errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")";
    }

    private static String resetValue(SnippetEvent event) {
        return event.value() == null ? "null" : event.value();
    }

    /** "record P", "variable p", "method f(P)". */
    static String describe(Snippet snippet) {
        String name = snippet instanceof DeclarationSnippet d ? d.name() : SnippetNames.name(snippet);
        return switch (snippet.subKind()) {
            case CLASS_SUBKIND -> "class " + name;
            case INTERFACE_SUBKIND -> "interface " + name;
            case ENUM_SUBKIND -> "enum " + name;
            case ANNOTATION_TYPE_SUBKIND -> "annotation interface " + name;
            case RECORD_SUBKIND -> "record " + name;
            default -> switch (snippet.kind()) {
                case METHOD -> "method " + name + "(" + ((MethodSnippet) snippet).parameterTypes() + ")";
                case VAR -> "variable " + name;
                default -> name;
            };
        };
    }
}
