package io.sluice.format.parquet;

import static io.sluice.format.parquet.ParquetSqlTest.batchEnv;
import static io.sluice.format.parquet.ParquetSqlTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.table.api.TableEnvironment;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written by parquet-java's own example writer (Group API), read by Sluice SQL. */
class ExampleWriterFileTest {
    @TempDir
    Path tmp;

    @Test
    void aFileOfParquetsExampleWriterIsReadWithEveryType() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message example {\n"
                + "  required int32 id;\n"
                + "  optional boolean flag;\n"
                + "  optional int32 small (INTEGER(16,true));\n"
                + "  optional int64 big;\n"
                + "  optional float f;\n"
                + "  optional double d;\n"
                + "  optional binary name (STRING);\n"
                + "  optional binary raw;\n"
                + "  optional int32 price (DECIMAL(7,2));\n"
                + "  optional fixed_len_byte_array(16) huge (DECIMAL(38,6));\n"
                + "  optional binary text_decimal (DECIMAL(20,3));\n"
                + "  optional int32 day (DATE);\n"
                + "  optional int64 at_micros (TIME(MICROS,true));\n"
                + "  optional int64 ts_millis (TIMESTAMP(MILLIS,true));\n"
                + "  optional int64 ts_local_nanos (TIMESTAMP(NANOS,false));\n"
                + "  optional int96 legacy;\n"
                + "  optional binary ignored (STRING);\n"
                + "}");
        Path dir = tmp.resolve("example");
        Files.createDirectories(dir);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("a.parquet")))
                .withType(schema).withCompressionCodec(CompressionCodecName.ZSTD).build()) {
            Group g = groups.newGroup()
                    .append("id", 1).append("flag", true).append("small", -300).append("big", 1L << 40)
                    .append("f", 0.5f).append("d", -2.25).append("name", "zoë").append("raw",
                            Binary.fromConstantByteArray(new byte[] {1, 2, 3}))
                    .append("price", 12345)
                    .append("huge", Binary.fromConstantByteArray(bigEndian(new BigDecimal("-123456789.123456")
                            .unscaledValue().toByteArray(), 16)))
                    .append("text_decimal", Binary.fromConstantByteArray(new BigDecimal("98765432109876.543")
                            .unscaledValue().toByteArray()))
                    .append("day", 19782).append("at_micros", 3_600_000_000L + 1_500L)
                    .append("ts_millis", 1_700_000_000_123L).append("ts_local_nanos", 1_000_000_000_123_456_789L)
                    .append("legacy", Binary.fromConstantByteArray(int96(2_460_311L, 3_723_000_000_000L)))
                    .append("ignored", "x");
            writer.write(g);
            writer.write(groups.newGroup().append("id", 2));
        }
        TableEnvironment env = batchEnv();
        env.executeSql("SET 'table.local-time-zone' = 'UTC'");
        env.executeSql("CREATE TABLE t (id INT NOT NULL, flag BOOLEAN, small SMALLINT, big BIGINT, f FLOAT, d DOUBLE,"
                + " name STRING, raw BYTES, price DECIMAL(7, 2), huge DECIMAL(38, 6), text_decimal DECIMAL(20, 3),"
                + " `day` DATE, at_micros TIME, ts_millis TIMESTAMP_LTZ(3), ts_local_nanos TIMESTAMP(9),"
                + " legacy TIMESTAMP(3), absent INT) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'parquet', 'parquet.utc-timezone' = 'true')");
        assertEquals(List.of("+I[1, true, -300, 1099511627776, 0.5, -2.25, zoë, [1, 2, 3], 123.45,"
                + " -123456789.123456, 98765432109876.543, 2024-02-29, 01:00:00.001, 2023-11-14T22:13:20.123Z,"
                + " 2001-09-09T01:46:40.123456789, 2024-01-01T01:02:03, null]",
                "+I[2, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null]"),
                rows(env, "SELECT * FROM t"));
        assertEquals(List.of("+I[2, zoë]"), rows(env, "SELECT COUNT(*), MAX(name) FROM t"));
    }

    /** A two's complement big-endian value sign-extended to {@code length} bytes. */
    private static byte[] bigEndian(byte[] value, int length) {
        byte[] out = new byte[length];
        byte fill = value[0] < 0 ? (byte) -1 : 0;
        java.util.Arrays.fill(out, fill);
        System.arraycopy(value, 0, out, length - value.length, value.length);
        return out;
    }

    /** INT96: 8 bytes of nanoseconds of the day, then 4 bytes of Julian day, little-endian. */
    private static byte[] int96(long julianDay, long nanosOfDay) {
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(nanosOfDay).putInt((int) julianDay)
                .array();
    }
}
