/**
 * The {@code avro} format: rows as Avro records whose schema is derived from the table's columns
 * ({@link io.sluice.format.avro.AvroSchemas}). Kafka messages hold one record in Avro's binary (or json) encoding
 * without any header; the filesystem connector reads and writes Avro container files.
 */
package io.sluice.format.avro;
