package io.sluice.runtime.operator.match;

/**
 * The rows of a (partial) match as the DEFINE and MEASURES expressions see them: the rows already mapped, in
 * order, plus (while a condition is tested) the current row mapped to the element being tested.
 */
public interface MatchView {

    /** Number of rows, the current one included. */
    int size();

    /** Row {@code i} (0 is the first row of the match) as external values. */
    Object[] row(int i);

    /** The pattern element row {@code i} is mapped to. */
    int element(int i);

    /** The name of pattern element {@code element}. */
    String variable(int element);
}
