package io.sluice.codegen.expr;

/** Accumulates indented Java source lines. */
public final class CodeBuilder {
    private final StringBuilder sb = new StringBuilder();
    private int indent;

    public CodeBuilder(int indent) {
        this.indent = indent;
    }

    /** Appends one statement or line at the current indentation. */
    public CodeBuilder line(String code) {
        for (int k = 0; k < indent; k++) {
            sb.append("    ");
        }
        sb.append(code).append('\n');
        return this;
    }

    /** Appends {@code header + " {"} and indents. */
    public CodeBuilder open(String header) {
        line(header + " {");
        indent++;
        return this;
    }

    /** Closes a block opened with {@link #open}. */
    public CodeBuilder close() {
        indent--;
        line("}");
        return this;
    }

    /** Closes the current block and opens {@code "} " + header + " {"} (for else branches). */
    public CodeBuilder reopen(String header) {
        indent--;
        line("} " + header + " {");
        indent++;
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
