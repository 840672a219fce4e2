/**
 * Late rows to a table (a Sluice addition): the side output on which operators that drop rows behind the
 * watermark hand those rows over ({@link io.sluice.runtime.operator.late.LateRowRouter}), the fixed row type of
 * a late-rows table ({@link io.sluice.runtime.operator.late.LateRows}); the rows are labelled with the name of the
 * operator that found them late by {@link io.sluice.runtime.operator.LabelingOperator}.
 */
package io.sluice.runtime.operator.late;
