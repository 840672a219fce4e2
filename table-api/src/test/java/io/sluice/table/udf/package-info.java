/** User-defined functions the UDF golden files ({@code udf.sql.test}, {@code stream_udf.sql.test}) register by class name. */
package io.sluice.table.udf;
