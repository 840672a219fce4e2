/** Tests of catalogs behind the Table API: the persistent {@code sluice} catalog shared by sessions. */
package io.sluice.table.catalog;
