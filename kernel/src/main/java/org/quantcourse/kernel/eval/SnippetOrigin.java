package org.quantcourse.kernel.eval;

/** Where a JShell snippet came from: a cell label such as {@code In[3]} and the cell line its first line is on. */
public record SnippetOrigin(String cell, int firstLine) {

    /** The origin of the kernel's own generated code, whose frames are hidden from tracebacks. */
    public static final SnippetOrigin KERNEL = new SnippetOrigin("<kernel>", 1);

    /** Whether the snippet is kernel code rather than the user's. */
    public boolean isKernel() {
        return this == KERNEL || cell.equals(KERNEL.cell);
    }

    /** A human label for a line of the snippet (1-based), e.g. {@code In[3] line 2}. */
    public String describe(int snippetLine) {
        return cell + " line " + (firstLine + Math.max(snippetLine, 1) - 1);
    }
}
