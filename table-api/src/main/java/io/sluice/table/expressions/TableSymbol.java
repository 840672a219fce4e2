package io.sluice.table.expressions;

/** A keyword-like value an expression takes as an argument (the JSON enums, time units). */
public interface TableSymbol {
}
