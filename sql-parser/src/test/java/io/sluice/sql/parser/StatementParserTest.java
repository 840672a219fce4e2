package io.sluice.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.sql.parser.ast.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content of parsed statements: names, types, options, fragments and their positions. */
class StatementParserTest {

  @SuppressWarnings("unchecked")
  private static <T extends ParsedStatement> T parse(String sql) {
    return (T) StatementParser.parse(sql);
  }

  @Test
  void createTableContent() {
    String sql = "CREATE TABLE cat.db.`Orders` (\n"
        + "  id BIGINT NOT NULL,\n"
        + "  price DECIMAL(10, 2) COMMENT 'p',\n"
        + "  total AS price * 2,\n"
        + "  ts TIMESTAMP(3) WITH LOCAL TIME ZONE METADATA FROM 'timestamp' VIRTUAL,\n"
        + "  tags ARRAY<STRING NOT NULL>,\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,\n"
        + "  CONSTRAINT pk PRIMARY KEY (id) NOT ENFORCED\n"
        + ") PARTITIONED BY (id) WITH ('z' = '1', 'a' = 'it''s')";
    CreateTableStatement t = parse(sql);
    assertEquals(List.of("cat", "db", "Orders"), t.name().parts());
    assertEquals(5, t.columns().size());
    ColumnDefinition id = t.columns().get(0);
    assertEquals(ColumnDefinition.Kind.PHYSICAL, id.kind());
    assertEquals("BIGINT", id.type().name());
    assertFalse(id.type().nullable());
    DataTypeSpec price = t.columns().get(1).type();
    assertEquals(10, price.precision());
    assertEquals(2, price.scale());
    assertEquals("p", t.columns().get(1).comment());
    ColumnDefinition total = t.columns().get(2);
    assertEquals(ColumnDefinition.Kind.COMPUTED, total.kind());
    assertEquals("price * 2", total.expression().text());
    assertEquals(new SqlPosition(4, 12), total.expression().position());
    ColumnDefinition ts = t.columns().get(3);
    assertEquals(ColumnDefinition.Kind.METADATA, ts.kind());
    assertEquals("TIMESTAMP_LTZ", ts.type().name());
    assertEquals(3, ts.type().precision());
    assertEquals("timestamp", ts.metadataKey());
    assertTrue(ts.isVirtual());
    DataTypeSpec tags = t.columns().get(4).type();
    assertEquals("ARRAY", tags.name());
    assertFalse(tags.children().get(0).nullable());
    assertEquals("ts", t.watermark().rowtimeColumn());
    assertEquals("ts - INTERVAL '5' SECOND", t.watermark().expression().text());
    assertEquals(new SqlPosition(7, 23), t.watermark().expression().position());
    assertEquals("pk", t.primaryKey().constraintName());
    assertEquals(List.of("id"), t.primaryKey().columns());
    assertEquals(List.of("id"), t.partitionKeys());
    assertEquals(List.of("z", "a"), List.copyOf(t.options().keySet()));
    assertEquals("it's", t.options().get("a"));
    assertNull(t.like());
  }

  @Test
  void typeSynonymsAreNormalised() {
    CreateTableStatement t = parse("CREATE TABLE t (a INTEGER, b NUMERIC(5), c DOUBLE PRECISION, "
        + "d TIMESTAMP WITHOUT TIME ZONE, e ROW<x INT 'doc', y STRING>, f INTERVAL DAY(2) TO SECOND(3))");
    assertEquals("INT", t.columns().get(0).type().name());
    assertEquals("DECIMAL", t.columns().get(1).type().name());
    assertEquals(DataTypeSpec.UNSPECIFIED, t.columns().get(1).type().scale());
    assertEquals("DOUBLE", t.columns().get(2).type().name());
    assertEquals("TIMESTAMP", t.columns().get(3).type().name());
    DataTypeSpec row = t.columns().get(4).type();
    assertEquals(List.of("x", "y"), row.fieldNames());
    assertEquals("doc", row.fieldDescriptions().get(0));
    assertNull(row.fieldDescriptions().get(1));
    DataTypeSpec interval = t.columns().get(5).type();
    assertEquals("DAY", interval.intervalFrom());
    assertEquals("SECOND", interval.intervalTo());
    assertEquals(2, interval.precision());
    assertEquals(3, interval.scale());
  }

  @Test
  void inlinePrimaryKeyMovesToTable() {
    CreateTableStatement t = parse("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, v STRING)");
    assertEquals(List.of("id"), t.primaryKey().columns());
    assertEquals(parse("CREATE TABLE t (id INT, v STRING, PRIMARY KEY (id) NOT ENFORCED)"), t);
  }

  @Test
  void insertContent() {
    InsertStatement i = parse("insert overwrite db.sink partition (dt = '2024') (a, `b c`)\n  select * from src");
    assertTrue(i.isOverwrite());
    assertEquals(List.of("db", "sink"), i.table().parts());
    assertEquals("2024", i.staticPartitions().get("dt"));
    assertEquals(List.of("a", "b c"), i.columns());
    assertEquals("select * from src", i.query().text());
    // a table hint ending the query belongs to it (for Calcite), a plain comment does not
    assertEquals("select * from src /*+ OPTIONS('k' = 'v') */", ((InsertStatement) parse(
        "insert into sink select * from src /*+ OPTIONS('k' = 'v') */ -- done")).query().text());
    assertEquals("select * from src", ((InsertStatement) parse("insert into sink select * from src /* x */"))
        .query().text());
    assertEquals(2, i.query().line());
    assertEquals(3, i.query().column());
  }

  @Test
  void rowLevelModificationStatements() {
    TruncateTableStatement t = parse("truncate table db.`t`");
    assertEquals(List.of("db", "t"), t.table().parts());
    DeleteStatement all = parse("DELETE FROM t");
    assertNull(all.condition());
    DeleteStatement d = parse("DELETE FROM t WHERE a >= (SELECT COUNT(1) FROM t WHERE c > 2)");
    assertEquals("a >= (SELECT COUNT(1) FROM t WHERE c > 2)", d.condition().text());
    UpdateStatement u = parse("UPDATE t SET b = CONCAT(b, ','), c = (c * 2) WHERE a = 1");
    assertEquals("b", u.assignments().get(0).column());
    assertEquals("CONCAT(b, ',')", u.assignments().get(0).value().text());
    assertEquals("(c * 2)", u.assignments().get(1).value().text());
    assertEquals("a = 1", u.condition().text());
    UpdateStatement noWhere = parse("UPDATE t SET b = 'x'");
    assertNull(noWhere.condition());
    // the words stay usable as names
    CreateTableStatement c = parse("CREATE TABLE `update` (delete INT, truncate INT, call INT)");
    assertEquals("delete", c.columns().get(0).name());
  }

  @Test
  void callWithPositionalAndNamedArguments() {
    CallStatement c = parse("CALL `cat`.`system`.generate_n(2, 'a,b', f(1, 2))");
    assertEquals(List.of("cat", "system", "generate_n"), c.procedure().parts());
    assertEquals(3, c.arguments().size());
    assertEquals("'a,b'", c.arguments().get(1).value().text());
    assertEquals("f(1, 2)", c.arguments().get(2).value().text());
    assertNull(c.arguments().get(0).name());
    CallStatement named = parse("call p(age => 18, name => 'yuxia')");
    assertEquals("age", named.arguments().get(0).name());
    assertEquals("'yuxia'", named.arguments().get(1).value().text());
    CallStatement none = parse("CALL p()");
    assertTrue(none.arguments().isEmpty());
  }

  @Test
  void queryKeepsOriginalText() {
    QueryStatement q = parse("  -- lead\n  SELECT a /* keep */\n  FROM t -- tail");
    assertEquals("SELECT a /* keep */\n  FROM t", q.queryText());
    assertEquals(2, q.line());
    assertEquals(3, q.column());
  }

  @Test
  void likeClauseOptions() {
    CreateTableStatement t = parse("CREATE TABLE t2 WITH ('a' = 'b') LIKE t (EXCLUDING ALL INCLUDING WATERMARKS)");
    assertTrue(t.columns().isEmpty());
    assertEquals(List.of("t"), t.like().source().parts());
    assertEquals(List.of(new LikeClause.LikeOption(LikeClause.Strategy.EXCLUDING, LikeClause.Feature.ALL),
        new LikeClause.LikeOption(LikeClause.Strategy.INCLUDING, LikeClause.Feature.WATERMARKS)),
        t.like().options());
  }

  @Test
  void smallStatements() {
    SetStatement set = parse("SET 'k' = 'v'");
    assertEquals("k", set.key());
    assertEquals("v", set.value());
    assertTrue(((SetStatement) parse("set")).isList());
    assertTrue(((ResetStatement) parse("RESET")).isAll());
    // Flink also takes keys (and values) without quotes
    SetStatement bare = parse("SET table.dml-sync = true");
    assertEquals("table.dml-sync", bare.key());
    assertEquals("true", bare.value());
    assertEquals("pipeline.name", ((SetStatement) parse("SET pipeline.name = 'my job'")).key());
    assertEquals("my job", ((SetStatement) parse("SET pipeline.name = 'my job'")).value());
    assertEquals("table.resources.download-dir",
        ((ResetStatement) parse("reset table.resources.download-dir")).key());
    ShowStatement show = parse("SHOW TABLES IN cat.db NOT LIKE 'x%'");
    assertEquals(ShowStatement.Kind.TABLES, show.kind());
    assertEquals(List.of("cat", "db"), show.target().parts());
    assertEquals("x%", show.likePattern());
    assertTrue(show.isNotLike());
    assertEquals(ShowStatement.Kind.USER_FUNCTIONS, ((ShowStatement) parse("SHOW USER FUNCTIONS")).kind());
    assertEquals("c1", ((UseCatalogStatement) parse("USE CATALOG c1")).catalog());
    assertEquals(List.of("catalog"), ((UseDatabaseStatement) parse("USE catalog")).name().parts());
    CreateFunctionStatement f = parse("CREATE TEMPORARY SYSTEM FUNCTION f AS 'a.B' USING JAR 'x.jar'");
    assertTrue(f.isTemporary() && f.isSystem());
    assertEquals(List.of("x.jar"), f.jars());
    StopJobStatement stop = parse("STOP JOB 'j1' WITH DRAIN");
    assertFalse(stop.isWithSavepoint());
    assertTrue(stop.isWithDrain());
    ExplainStatement explain = parse("EXPLAIN JSON_EXECUTION_PLAN INSERT INTO s SELECT 1");
    assertEquals(List.of(ExplainStatement.ExplainDetail.JSON_EXECUTION_PLAN), explain.details());
    assertTrue(explain.statement() instanceof InsertStatement);
    assertEquals(ClientCommandStatement.Command.QUIT, ((ClientCommandStatement) parse("exit;")).command());
  }

  @Test
  void visitorDispatches() {
    ParsedStatement drop = StatementParser.parse("DROP VIEW v");
    String kind = drop.accept(new NameVisitor());
    assertEquals("DropViewStatement", kind);
  }

  /** Answers the visited class name; proves every visit method reaches the right overload. */
  private static final class NameVisitor implements StatementVisitor<String> {
    private static String n(ParsedStatement s) {
      return s.getClass().getSimpleName();
    }

    @Override
    public String visit(AlterCatalogStatement s) {
      return n(s);
    }

    @Override
    public String visit(AlterDatabaseStatement s) {
      return n(s);
    }

    @Override
    public String visit(ModuleStatement s) {
      return n(s);
    }

    @Override
    public String visit(AlterFunctionStatement s) {
      return n(s);
    }

    @Override
    public String visit(CompilePlanStatement s) {
      return n(s);
    }

    @Override
    public String visit(ExecutePlanStatement s) {
      return n(s);
    }

    @Override
    public String visit(ExplainUpgradeStatement s) {
      return n(s);
    }

    @Override
    public String visit(ExplainAnalyzeStatement s) {
      return n(s);
    }

    public String visit(QueryStatement s) { return n(s); }
    public String visit(InsertStatement s) { return n(s); }
    public String visit(StatementSetStatement s) { return n(s); }
    public String visit(ExecuteStatement s) { return n(s); }
    public String visit(ExplainStatement s) { return n(s); }
    public String visit(CreateTableStatement s) { return n(s); }
    public String visit(CreateTableAsStatement s) { return n(s); }
    public String visit(CreateViewStatement s) { return n(s); }
    public String visit(CreateDatabaseStatement s) { return n(s); }
    public String visit(CreateCatalogStatement s) { return n(s); }
    public String visit(CreateFunctionStatement s) { return n(s); }
    public String visit(AlterTableStatement s) { return n(s); }
    public String visit(AlterViewStatement s) { return n(s); }
    public String visit(DropTableStatement s) { return n(s); }
    public String visit(DropViewStatement s) { return n(s); }
    public String visit(DropDatabaseStatement s) { return n(s); }
    public String visit(DropCatalogStatement s) { return n(s); }
    public String visit(DropFunctionStatement s) { return n(s); }
    public String visit(SetStatement s) { return n(s); }
    public String visit(ResetStatement s) { return n(s); }
    public String visit(ShowStatement s) { return n(s); }
    public String visit(DescribeStatement s) { return n(s); }
    public String visit(UseCatalogStatement s) { return n(s); }
    public String visit(UseDatabaseStatement s) { return n(s); }
    public String visit(BeginStatementSetStatement s) { return n(s); }
    public String visit(EndStatementSetStatement s) { return n(s); }
    public String visit(AddJarStatement s) { return n(s); }
    public String visit(RemoveJarStatement s) { return n(s); }
    public String visit(StopJobStatement s) { return n(s); }
    public String visit(ClientCommandStatement s) { return n(s); }
  }
}
