/** Database dialects of the jdbc connector: SQL text and types that differ between databases. */
package io.sluice.connector.jdbc.dialect;
