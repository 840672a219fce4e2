/** Tests of late rows to a table ({@code 'sluice.late-rows.table'}), SQL in and rows out. */
package io.sluice.table.api.late;
