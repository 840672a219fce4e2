package io.sluice.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.codegen.functions.BuiltInFunction;
import io.sluice.codegen.functions.BuiltInFunctions;
import io.sluice.codegen.runtime.StringRuntime;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler wrapper (cache, dump, errors), generated-source shape, and byte-level string kernels. */
class CompilerAndGeneratorTest {
    private BufferAllocator allocator;
    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
    private final RexBuilder rex = new RexBuilder(typeFactory);

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private RelDataType inputType() {
        return typeFactory.builder()
                .add("a", typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.INTEGER), true))
                .add("s", typeFactory.createTypeWithNullability(
                        typeFactory.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true))
                .build();
    }

    @Test
    void compileFailureShowsErrorAndNumberedSource() {
        String source = "public final class Broken {\n    int f() { return undefinedVariable; }\n}\n";
        TableException e = assertThrows(TableException.class, () -> JaninoCompiler.compile("Broken", source, null));
        assertTrue(e.getMessage().contains("undefinedVariable"), e.getMessage());
        assertTrue(e.getMessage().contains("2:     int f() { return undefinedVariable; }"), e.getMessage());
    }

    @Test
    void sameSourceGivesSameClassAndSourceIsDumped(@TempDir Path dir) throws Exception {
        Configuration config = new Configuration().set(ExecutionOptions.CODEGEN_DUMP_DIR, dir.toString());
        RelDataType in = inputType();
        RexNode plus = rex.makeCall(SqlStdOperatorTable.PLUS, rex.makeInputRef(in.getFieldList().get(0).getType(), 0), rex.makeExactLiteral(
                java.math.BigDecimal.ONE));
        GeneratedClass<BatchCalc> a = new CodeGenerator(config).generateCalc("node#1", in, null, List.of(plus));
        GeneratedClass<BatchCalc> b = new CodeGenerator(config).generateCalc("node#1", in, null, List.of(plus));
        assertSame(a.newInstance().getClass(), b.newInstance().getClass());
        assertEquals(a.className(), b.className());
        Path dumped = dir.resolve(a.className() + ".java");
        assertTrue(Files.exists(dumped));
        String src = Files.readString(dumped);
        assertEquals(a.source(), src);
        assertTrue(src.contains("node#1") && src.contains("+($0, 1)"), src);
        assertTrue(src.contains("boolean isNull0") && src.contains("in0.get(i)"), src);
    }

    @Test
    void stringColumnCopyAndLiteralCompareStayOnBytes() {
        RelDataType in = inputType();
        RexNode s = rex.makeInputRef(in.getFieldList().get(1).getType(), 1);
        RexNode eq = rex.makeCall(SqlStdOperatorTable.EQUALS, s, rex.makeLiteral("x"));
        GeneratedClass<BatchCalc> gc = new CodeGenerator(new Configuration()).generateCalc("bytes", in, eq,
                List.of(s));
        assertTrue(gc.source().contains("equalsUtf8(in1, i, ref0)"), gc.source());
        assertTrue(gc.source().contains("out0.copyFromSafe(i, j, in1)"), gc.source());
        assertTrue(!gc.source().contains("StringRuntime.read"), gc.source());
    }

    @Test
    void unsupportedFunctionsSayNotSupportedYet() {
        RelDataType in = inputType();
        RexNode s = rex.makeInputRef(in.getFieldList().get(1).getType(), 1);
        RexNode call = rex.makeCall(org.apache.calcite.sql.fun.SqlLibraryOperators.SOUNDEX, s);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> new CodeGenerator(new Configuration()).generateCalc("x", in, null, List.of(call)));
        assertTrue(e.getMessage().startsWith("not supported yet: "), e.getMessage());
    }

    @Test
    void everyFunctionIsDocumented() {
        for (BuiltInFunction f : BuiltInFunctions.all()) {
            assertTrue(f.description().length() > 40, f.names().toString());
            assertTrue(!f.names().isEmpty() && !f.operators().isEmpty(), f.getClass().getName());
        }
    }

    @Test
    void utf8KernelsUseCodePointOrder() {
        try (VarCharVector v = new VarCharVector("s", allocator)) {
            v.allocateNew();
            v.setSafe(0, "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
            v.setSafe(1, "h\u00e9llo".getBytes(StandardCharsets.UTF_8));
            v.setValueCount(2);
            byte[] ffff = "\uFFFF".getBytes(StandardCharsets.UTF_8);
            assertTrue(StringRuntime.compareUtf8(v, 0, ffff) > 0);
            assertTrue(StringRuntime.compare("\uD83D\uDE00", "\uFFFF") > 0);
            assertTrue(StringRuntime.compareUtf8(v, 1, v, 0) < 0);
            assertEquals(5, StringRuntime.charLengthUtf8(v, 1));
            assertTrue(StringRuntime.containsUtf8(v, 1, "\u00e9l".getBytes(StandardCharsets.UTF_8)));
            assertEquals("h\u00e9llo", StringRuntime.read(v, 1));
        }
        assertEquals(Arrays.asList("b"), List.of(StringRuntime.splitIndex("a|b", "|", 1)));
    }
}
