package io.sluice.planner.physical;

/**
 * The EXPLAIN text of a physical node, in Flink's layout: {@code Kind(key=[value], key=[value])}. It is also the
 * runtime transformation's name; the node's state identity never depends on it.
 */
public final class ExplainText {
    private final StringBuilder text;
    private boolean first = true;

    private ExplainText(String kind) {
        this.text = new StringBuilder(kind).append('(');
    }

    /** Starts the text of a node of kind {@code kind} (its name in EXPLAIN, such as {@code Calc}). */
    public static ExplainText of(String kind) {
        return new ExplainText(kind);
    }

    /** Appends {@code key=[value]}. */
    public ExplainText attribute(String key, Object value) {
        text.append(first ? "" : ", ").append(key).append("=[").append(value).append(']');
        first = false;
        return this;
    }

    /** Appends {@code key=[value]} when {@code present}. */
    public ExplainText attributeIf(boolean present, String key, Object value) {
        return present ? attribute(key, value) : this;
    }

    @Override
    public String toString() {
        return text + ")";
    }
}
