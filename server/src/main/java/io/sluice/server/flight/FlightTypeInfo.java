package io.sluice.server.flight;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Flight SQL's {@code GetXdbcTypeInfo} (JDBC's {@code DatabaseMetaData.getTypeInfo}): Sluice's SQL types with their
 * JDBC type codes, sizes and literal syntax.
 */
final class FlightTypeInfo {
    /** One type: its name, JDBC code, column size, literal prefix/suffix, scale range (null: none). */
    private record Type(String name, int jdbc, int size, String prefix, String suffix, Integer minScale,
            Integer maxScale, boolean numeric) {
    }

    private static final int MAX = Integer.MAX_VALUE;
    private static final List<Type> TYPES = List.of(
            new Type("BOOLEAN", Types.BOOLEAN, 1, null, null, null, null, false),
            new Type("TINYINT", Types.TINYINT, 3, null, null, 0, 0, true),
            new Type("SMALLINT", Types.SMALLINT, 5, null, null, 0, 0, true),
            new Type("INT", Types.INTEGER, 10, null, null, 0, 0, true),
            new Type("BIGINT", Types.BIGINT, 19, null, null, 0, 0, true),
            new Type("FLOAT", Types.REAL, 7, null, null, null, null, true),
            new Type("DOUBLE", Types.DOUBLE, 15, null, null, null, null, true),
            new Type("DECIMAL", Types.DECIMAL, 38, null, null, 0, 38, true),
            new Type("CHAR", Types.CHAR, MAX, "'", "'", null, null, false),
            new Type("VARCHAR", Types.VARCHAR, MAX, "'", "'", null, null, false),
            new Type("BINARY", Types.BINARY, MAX, "X'", "'", null, null, false),
            new Type("VARBINARY", Types.VARBINARY, MAX, "X'", "'", null, null, false),
            new Type("DATE", Types.DATE, 10, "DATE '", "'", null, null, false),
            new Type("TIME", Types.TIME, 18, "TIME '", "'", 0, 9, false),
            new Type("TIMESTAMP", Types.TIMESTAMP, 29, "TIMESTAMP '", "'", 0, 9, false),
            new Type("TIMESTAMP_LTZ", Types.TIMESTAMP_WITH_TIMEZONE, 29, null, null, 0, 9, false));

    private FlightTypeInfo() {
    }

    /** Streams the types (only those of JDBC type {@code dataType} when not null), ordered by JDBC type code. */
    static void stream(Integer dataType, BufferAllocator allocator, ServerStreamListener listener) {
        List<Type> types = new ArrayList<>();
        for (Type t : TYPES) {
            if (dataType == null || t.jdbc() == dataType) {
                types.add(t);
            }
        }
        types.sort((a, b) -> Integer.compare(a.jdbc(), b.jdbc()));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_TYPE_INFO_SCHEMA, allocator)) {
            root.allocateNew();
            for (int i = 0; i < types.size(); i++) {
                Type t = types.get(i);
                text(root, "type_name", i, t.name());
                integer(root, "data_type", i, t.jdbc());
                integer(root, "column_size", i, t.size());
                text(root, "literal_prefix", i, t.prefix());
                text(root, "literal_suffix", i, t.suffix());
                integer(root, "nullable", i, java.sql.DatabaseMetaData.typeNullable);
                bool(root, "case_sensitive", i, t.jdbc() == Types.CHAR || t.jdbc() == Types.VARCHAR);
                integer(root, "searchable", i, t.jdbc() == Types.CHAR || t.jdbc() == Types.VARCHAR
                        ? java.sql.DatabaseMetaData.typeSearchable : java.sql.DatabaseMetaData.typePredBasic);
                bool(root, "unsigned_attribute", i, t.numeric() ? Boolean.FALSE : null);
                bool(root, "fixed_prec_scale", i, false);
                bool(root, "auto_increment", i, t.numeric() ? Boolean.FALSE : null);
                text(root, "local_type_name", i, t.name());
                integer(root, "minimum_scale", i, t.minScale());
                integer(root, "maximum_scale", i, t.maxScale());
                integer(root, "sql_data_type", i, t.jdbc());
                integer(root, "num_prec_radix", i, t.numeric() ? 10 : null);
            }
            root.setRowCount(types.size());
            listener.start(root);
            listener.putNext();
            listener.completed();
        }
    }

    private static void text(VectorSchemaRoot root, String column, int row, String value) {
        VarCharVector v = (VarCharVector) root.getVector(column);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void integer(VectorSchemaRoot root, String column, int row, Integer value) {
        IntVector v = (IntVector) root.getVector(column);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value);
        }
    }

    private static void bool(VectorSchemaRoot root, String column, int row, Boolean value) {
        BitVector v = (BitVector) root.getVector(column);
        if (value == null) {
            v.setNull(row);
        } else {
            v.setSafe(row, value ? 1 : 0);
        }
    }
}
