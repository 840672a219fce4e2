package io.sluice.connector.datagen;

import static io.sluice.connector.datagen.DataGenTestSupport.options;
import static io.sluice.connector.datagen.DataGenTestSupport.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataGenOptionsTest {
    private static final RowType TYPE = RowType.of(new String[] {"id", "name", "ts"},
            new LogicalType[] {LogicalType.bigint(), LogicalType.string(), LogicalType.timestamp(3)});

    private static String error(Map<String, String> options) {
        return assertThrows(ValidationException.class, () -> source(TYPE, options)).getMessage();
    }

    @Test
    void discoveredByServiceLoader() {
        DynamicTableSourceFactory f = FactoryUtil.discover(DynamicTableSourceFactory.class, "datagen",
                getClass().getClassLoader());
        assertInstanceOf(DataGenTableSourceFactory.class, f);
    }

    @Test
    void genericValidationLeavesColumnOptionsToTheFactory() {
        ClassLoader loader = getClass().getClassLoader();
        DataGenTableSourceFactory f = new DataGenTableSourceFactory();
        FactoryUtil.validateOptions(DataGenTestSupport.TABLE, f,
                options("rows-per-second", "5", "fields.id.kind", "sequence", "fields.whatever.min", "1"), loader);
        String msg = assertThrows(ValidationException.class, () -> FactoryUtil.validateOptions(DataGenTestSupport.TABLE,
                f, options("number-of-row", "5"), loader)).getMessage();
        assertTrue(msg.contains("Did you mean 'number-of-rows'"), msg);
    }

    @Test
    void anUnsupportedOptionListsEachColumnsOptionsAsFlinkDoes() {
        String msg = assertThrows(ValidationException.class, () -> FactoryUtil.validateOptions(DataGenTestSupport.TABLE,
                new DataGenTableSourceFactory(), options("scan.startup.mode", "earliest-offset", "fields.id.kind",
                        "sequence"), getClass().getClassLoader(), TYPE)).getMessage();
        assertTrue(msg.startsWith("Unsupported options found for 'datagen'.\n\nUnsupported options:\n\n"
                + "scan.startup.mode\n\nSupported options:\n\nconnector\nfields.id.end\nfields.id.kind\n"
                + "fields.id.start\nfields.name.kind\nfields.name.length\nfields.name.null-rate\nfields.name.var-len\n"
                + "fields.ts.kind\nfields.ts.max-past\nfields.ts.null-rate\nnumber-of-rows\nrows-per-second\n"
                + "scan.parallelism\n\n"), msg);
    }

    @Test
    void unknownKeyNamesNearestKey() {
        String msg = error(options("fields.id.knd", "sequence"));
        assertTrue(msg.contains("Unsupported option 'fields.id.knd'"), msg);
        assertTrue(msg.contains("Did you mean 'fields.id.kind'"), msg);
        msg = error(options("rows-per-secnd", "5"));
        assertTrue(msg.contains("Did you mean 'rows-per-second'"), msg);
        msg = error(options("fields.idd.min", "5"));
        assertTrue(msg.contains("'fields.id.min'"), msg);
    }

    @Test
    void optionOfAnotherTypeOrGeneratorIsRejected() {
        String msg = error(options("fields.name.min", "1"));
        assertTrue(msg.contains("does not apply to column 'name' of type STRING"), msg);
        msg = error(options("fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "5",
                "fields.id.null-rate", "0.5"));
        assertTrue(msg.contains("with generator 'sequence'"), msg);
    }

    @Test
    void scanParallelismSetsTheReadersParallelism() {
        assertEquals(java.util.Optional.of(3), source(TYPE, options("scan.parallelism", "3")).getParallelism());
        assertEquals(java.util.Optional.empty(), source(TYPE, options()).getParallelism());
        String msg = error(options("scan.parallelism", "0"));
        assertTrue(msg.contains("'scan.parallelism' of table " + DataGenTestSupport.TABLE + " must be positive"), msg);
    }

    @Test
    void minGreaterThanMax() {
        String msg = error(options("fields.id.min", "10", "fields.id.max", "3"));
        assertTrue(msg.contains("'fields.id.min' (10) is greater than 'fields.id.max' (3)"), msg);
    }

    @Test
    void sequenceNeedsStartAndEnd() {
        String msg = error(options("fields.id.kind", "sequence", "fields.id.start", "1"));
        assertTrue(msg.contains("Could not find required property 'fields.id.end' for sequence generator"), msg);
        msg = error(options("fields.id.kind", "sequence", "fields.id.end", "1"));
        assertTrue(msg.contains("'fields.id.start'"), msg);
        msg = error(options("fields.id.kind", "sequence", "fields.id.start", "9", "fields.id.end", "1"));
        assertTrue(msg.contains("greater than"), msg);
    }

    @Test
    void badValues() {
        assertTrue(error(options("fields.id.kind", "sequential")).contains("random, sequence"));
        assertTrue(error(options("fields.id.null-rate", "1.5")).contains("between 0 and 1"));
        assertTrue(error(options("rows-per-second", "0")).contains("must be positive"));
        assertTrue(error(options("number-of-rows", "-1")).contains("must not be negative"));
        assertTrue(error(options("fields.ts.max-past", "soon")).contains("fields.ts.max-past"));
        RowType small = RowType.of(new String[] {"b", "v"},
                new LogicalType[] {LogicalType.tinyint(), LogicalType.varchar(5)});
        String msg = assertThrows(ValidationException.class,
                () -> source(small, options("fields.b.max", "300"))).getMessage();
        assertTrue(msg.contains("out of the range of TINYINT"), msg);
        msg = assertThrows(ValidationException.class,
                () -> source(small, options("fields.v.length", "6"))).getMessage();
        assertTrue(msg.contains("between 1 and the length 5"), msg);
        RowType notNull = RowType.of(new String[] {"x"}, new LogicalType[] {LogicalType.integer().notNull()});
        msg = assertThrows(ValidationException.class,
                () -> source(notNull, options("fields.x.null-rate", "0.1"))).getMessage();
        assertTrue(msg.contains("NOT NULL"), msg);
    }

    @Test
    void unsupportedTypes() {
        RowType interval = RowType.of(new String[] {"i"}, new LogicalType[] {LogicalType.of(TypeRoot.INTERVAL_YEAR_MONTH)});
        String msg = assertThrows(UnsupportedFeatureException.class, () -> source(interval, options())).getMessage();
        assertTrue(msg.startsWith("not supported yet: datagen connector for column 'i'"), msg);
        RowType bool = RowType.of(new String[] {"b"}, new LogicalType[] {LogicalType.booleanType()});
        msg = assertThrows(ValidationException.class, () -> source(bool,
                options("fields.b.kind", "sequence", "fields.b.start", "1", "fields.b.end", "2"))).getMessage();
        assertTrue(msg.contains("Generator 'sequence' is not supported for column 'b' of type BOOLEAN"), msg);
    }

    @Test
    void boundednessAndDescription() {
        DataGenTableSource unbounded = source(TYPE, options("rows-per-second", "10"));
        assertFalse(unbounded.isBounded());
        assertEquals("datagen(rows-per-second=10)", unbounded.describe());
        DataGenTableSource counted = source(TYPE, options("rows-per-second", "10", "number-of-rows", "100"));
        assertTrue(counted.isBounded());
        assertEquals("datagen(rows-per-second=10, number-of-rows=100)", counted.describe());
        DataGenTableSource sequence = source(TYPE,
                options("fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "5"));
        assertTrue(sequence.isBounded());
        assertEquals("datagen(rows-per-second=10000)", sequence.describe());
        // a savepoint's record of the source leaves the rate out, so it restores at another rate
        assertEquals(source(TYPE, options("rows-per-second", "5")).describeState(), unbounded.describeState());
        assertEquals("datagen(number-of-rows=100)", counted.describeState());
    }
}
