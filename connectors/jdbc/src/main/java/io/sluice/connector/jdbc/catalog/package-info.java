/** The {@code jdbc} catalog type: the tables of a PostgreSQL server as a read-only catalog. */
package io.sluice.connector.jdbc.catalog;
