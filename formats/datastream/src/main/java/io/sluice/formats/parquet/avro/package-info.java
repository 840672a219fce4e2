/** Flink's {@code AvroParquetReaders}: Parquet files read as Avro generic, specific or reflect records. */
package io.sluice.formats.parquet.avro;
