package io.sluice.metrics;

/** Rewrites the characters of a metric name's parts (as Flink's {@code CharacterFilter}, for reporters). */
@FunctionalInterface
public interface CharacterFilter {
    /** {@code input} with characters a reporter cannot use replaced. */
    String filterCharacters(String input);
}
