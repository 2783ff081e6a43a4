package org.quantcourse.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Snippet;

/** Short human names of snippets for messages. */
final class SnippetNames {

    private SnippetNames() {
    }

    /** The declared name for declarations, otherwise the first line of the source. */
    static String name(Snippet snippet) {
        if (snippet instanceof DeclarationSnippet declaration) {
            return declaration.name();
        }
        String source = snippet.source().strip();
        int newline = source.indexOf('\n');
        return newline < 0 ? source : source.substring(0, newline) + " ...";
    }
}
