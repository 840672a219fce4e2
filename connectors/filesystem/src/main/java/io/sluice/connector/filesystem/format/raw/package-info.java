/**
 * The {@code raw} format: a record is the bytes of a table's single column (text in a charset, bytes, or a number or
 * boolean in binary). Kafka messages are whole records; files hold one record per line.
 */
package io.sluice.connector.filesystem.format.raw;
