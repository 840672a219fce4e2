package io.sluice.sql.parser;

import io.sluice.sql.parser.SluiceSqlParser.*;
import io.sluice.sql.parser.ast.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns a parse tree of {@code SluiceSql.g4} into the immutable AST, checking what the grammar cannot. */
final class AstBuilder extends SluiceSqlBaseVisitor<ParsedStatement> {

  private final CharStream input;

  AstBuilder(CharStream input) {
    this.input = input;
  }

  ParsedStatement build(SingleStatementContext ctx) {
    return visit(ctx.statement());
  }

  // ----------------------------------------------------------------------------------------------- statements

  @Override
  public ParsedStatement visitQueryStatement(QueryStatementContext ctx) {
    return new QueryStatement(fragment(ctx.query()));
  }

  @Override
  public ParsedStatement visitInsert(InsertContext ctx) {
    return insert(ctx.insertStatement());
  }

  @Override
  public ParsedStatement visitCreate(CreateContext ctx) {
    boolean temporary = ctx.TEMPORARY() != null;
    boolean system = ctx.SYSTEM() != null;
    CreateTargetContext target = ctx.createTarget();
    checkScope(ctx.TEMPORARY(), ctx.SYSTEM(), target.start);
    if (target instanceof CreateTableContext t) {
      return createTable(t, temporary, pos(ctx));
    }
    if (target instanceof CreateOrReplaceTableContext r) {
      if (temporary || system) {
        throw SqlParseException.at(pos(ctx), "CREATE OR REPLACE TABLE ... AS does not support TEMPORARY tables");
      }
      return replaceTable(r.replaceTableBody(), CreateTableAsStatement.ReplaceMode.CREATE_OR_REPLACE, pos(ctx));
    }
    if (target instanceof CreateViewContext v) {
      return new CreateViewStatement(name(v.objectName()), temporary, v.ifNotExists() != null,
          identifiers(v.columnList()), comment(v.commentClause()), fragment(v.query()), pos(ctx));
    }
    if (target instanceof CreateDatabaseContext d) {
      return new CreateDatabaseStatement(name(d.objectName()), d.ifNotExists() != null,
          comment(d.commentClause()), options(d.withOptions()), pos(ctx));
    }
    if (target instanceof CreateCatalogContext c) {
      return new CreateCatalogStatement(identifier(c.identifier()), c.ifNotExists() != null,
          comment(c.commentClause()), options(c.withOptions()), pos(ctx));
    }
    if (target instanceof CreateMaterializedTableContext m) {
      if (temporary || system) {
        throw SqlParseException.at(pos(ctx), "CREATE MATERIALIZED TABLE does not support TEMPORARY tables");
      }
      return createMaterializedTable(m, pos(ctx));
    }
    CreateFunctionContext f = (CreateFunctionContext) target;
    List<String> jars = new ArrayList<>();
    if (f.jarList() != null) {
      f.jarList().STRING().forEach(s -> jars.add(string(s.getSymbol())));
    }
    return new CreateFunctionStatement(name(f.objectName()), temporary, system, f.ifNotExists() != null,
        string(f.className), language(f.language), jars, pos(ctx));
  }

  @Override
  public ParsedStatement visitReplaceTableAs(ReplaceTableAsContext ctx) {
    return replaceTable(ctx.replaceTableBody(), CreateTableAsStatement.ReplaceMode.REPLACE, pos(ctx));
  }

  private CreateTableAsStatement replaceTable(ReplaceTableBodyContext ctx, CreateTableAsStatement.ReplaceMode mode,
      SqlPosition position) {
    TableElements declared = new TableElements(this);
    if (ctx.tableElements() != null) {
      ctx.tableElements().tableElement().forEach(declared::add);
    }
    List<String> partitionKeys = ctx.partitionedBy() == null
        ? List.of()
        : identifiers(ctx.partitionedBy().columnList());
    return new CreateTableAsStatement(name(ctx.objectName()), false, false, comment(ctx.commentClause()),
        partitionKeys, options(ctx.withOptions()), fragment(ctx.query()), position, declared.columns,
        declared.watermark, declared.primaryKey, ctx.columnList() == null ? List.of() : identifiers(ctx.columnList()),
        mode);
  }

  @Override
  public ParsedStatement visitDrop(DropContext ctx) {
    boolean temporary = ctx.TEMPORARY() != null;
    boolean system = ctx.SYSTEM() != null;
    DropTargetContext target = ctx.dropTarget();
    checkScope(ctx.TEMPORARY(), ctx.SYSTEM(), target.start);
    if (target instanceof DropTableContext t) {
      return new DropTableStatement(name(t.objectName()), temporary, t.ifExists() != null, pos(ctx));
    }
    if (target instanceof DropViewContext v) {
      return new DropViewStatement(name(v.objectName()), temporary, v.ifExists() != null, pos(ctx));
    }
    if (target instanceof DropDatabaseContext d) {
      return new DropDatabaseStatement(name(d.objectName()), d.ifExists() != null, d.CASCADE() != null,
          pos(ctx));
    }
    if (target instanceof DropCatalogContext c) {
      return new DropCatalogStatement(identifier(c.identifier()), c.ifExists() != null, pos(ctx));
    }
    if (target instanceof DropMaterializedTableContext m) {
      if (temporary || system) {
        throw SqlParseException.at(pos(ctx), "DROP MATERIALIZED TABLE does not support TEMPORARY tables");
      }
      return new DropMaterializedTableStatement(name(m.objectName()), m.ifExists() != null, pos(ctx));
    }
    DropFunctionContext f = (DropFunctionContext) target;
    return new DropFunctionStatement(name(f.objectName()), temporary, system, f.ifExists() != null,
        pos(ctx));
  }

  @Override
  public ParsedStatement visitAlter(AlterContext ctx) {
    return visit(ctx.alterTarget());
  }

  private CreateMaterializedTableStatement createMaterializedTable(CreateMaterializedTableContext m,
      SqlPosition position) {
    TableElements declared = new TableElements(this);
    if (m.tableConstraint() != null) {
      declared.add(m.tableConstraint());
    }
    List<String> partitionKeys = m.partitionedBy() == null ? List.of() : identifiers(m.partitionedBy().columnList());
    String freshnessValue = null;
    String freshnessUnit = null;
    if (m.freshness() != null) {
      freshnessValue = (m.freshness().MINUS() != null ? "-" : "") + string(m.freshness().value);
      freshnessUnit = m.freshness().unit.getText();
    }
    CreateMaterializedTableStatement.RefreshMode mode = m.refreshMode() == null ? null
        : m.refreshMode().FULL() != null ? CreateMaterializedTableStatement.RefreshMode.FULL
        : CreateMaterializedTableStatement.RefreshMode.CONTINUOUS;
    return new CreateMaterializedTableStatement(name(m.objectName()), m.ALTER() != null, m.ifNotExists() != null,
        declared.primaryKey, comment(m.commentClause()), partitionKeys, options(m.withOptions()), freshnessValue,
        freshnessUnit, mode, fragment(m.query()), position);
  }

  @Override
  public ParsedStatement visitAlterMaterializedTable(AlterMaterializedTableContext ctx) {
    SqlPosition position = pos((ParserRuleContext) ctx.getParent());
    AlterMaterializedTableStatement.Action action;
    Map<String, String> options = new LinkedHashMap<>();
    if (ctx.SUSPEND() != null) {
      action = AlterMaterializedTableStatement.Action.SUSPEND;
    } else if (ctx.RESUME() != null) {
      action = AlterMaterializedTableStatement.Action.RESUME;
      options = options(ctx.withOptions());
    } else if (ctx.REFRESH() != null) {
      action = AlterMaterializedTableStatement.Action.REFRESH;
      if (ctx.partitionSpec() != null) {
        for (PartitionValueContext value : ctx.partitionSpec().partitionValue()) {
          String key = identifier(value.identifier());
          if (options.put(key, literal(value.literal())) != null) {
            throw SqlParseException.at(pos(value), "Duplicate partition column '" + key + "'");
          }
        }
      }
    } else {
      action = AlterMaterializedTableStatement.Action.AS_QUERY;
    }
    return new AlterMaterializedTableStatement(name(ctx.objectName()), action, options,
        ctx.query() == null ? null : fragment(ctx.query()), position);
  }

  @Override
  public ParsedStatement visitAlterTable(AlterTableContext ctx) {
    ObjectName name = name(ctx.objectName());
    boolean ifExists = ctx.ifExists() != null;
    SqlPosition position = pos((ParserRuleContext) ctx.getParent());
    AlterTableActionContext action = ctx.alterTableAction();
    if (action instanceof RenameContext r) {
      return r.objectName() != null
          ? AlterTableStatement.renameTable(name, ifExists, name(r.objectName()), position)
          : AlterTableStatement.renameColumn(name, ifExists, identifier(r.from), identifier(r.to), position);
    }
    if (action instanceof SetTableOptionsContext s) {
      return AlterTableStatement.setOptions(name, ifExists, options(s.option()), position);
    }
    if (action instanceof ResetTableOptionsContext r) {
      List<String> keys = new ArrayList<>();
      for (TerminalNode key : r.STRING()) {
        String k = string(key.getSymbol());
        if (keys.contains(k)) {
          throw SqlParseException.at(SyntaxErrors.positionOf(key.getSymbol()), "Duplicate option key '" + k + "'");
        }
        keys.add(k);
      }
      return AlterTableStatement.resetOptions(name, ifExists, keys, position);
    }
    if (action instanceof AddOrModifyContext a) {
      TableElements elements = new TableElements(this);
      a.alterElement().forEach(elements::add);
      return AlterTableStatement.addOrModify(name, ifExists,
          a.ADD() != null ? AlterTableStatement.Action.ADD : AlterTableStatement.Action.MODIFY, elements.changes,
          elements.watermark, elements.primaryKey, a.LPAREN() != null, position);
    }
    DropFromTableContext d = (DropFromTableContext) action;
    if (d.PRIMARY() != null) {
      return AlterTableStatement.drop(name, ifExists, AlterTableStatement.Action.DROP_PRIMARY_KEY, null, position);
    }
    if (d.CONSTRAINT() != null) {
      return AlterTableStatement.drop(name, ifExists, AlterTableStatement.Action.DROP_CONSTRAINT,
          identifier(d.identifier()), position);
    }
    if (d.WATERMARK() != null) {
      return AlterTableStatement.drop(name, ifExists, AlterTableStatement.Action.DROP_WATERMARK, null, position);
    }
    List<String> columns = d.columnList() != null ? identifiers(d.columnList()) : List.of(identifier(d.identifier()));
    for (int i = 0; i < columns.size(); i++) {
      if (columns.indexOf(columns.get(i)) != i) {
        throw SqlParseException.at(pos(d.columnList().identifier(i)), "Duplicate column `" + columns.get(i) + "`");
      }
    }
    return AlterTableStatement.dropColumns(name, ifExists, columns, d.columnList() != null, position);
  }

  @Override
  public ParsedStatement visitAlterView(AlterViewContext ctx) {
    return new AlterViewStatement(name(ctx.viewName), ctx.newName == null ? null : name(ctx.newName),
        ctx.query() == null ? null : fragment(ctx.query()), pos((ParserRuleContext) ctx.getParent()));
  }

  @Override
  public ParsedStatement visitSet(SetContext ctx) {
    if (ctx.bareKey != null) {
      return new SetStatement(ctx.bareKey.getText(),
          ctx.value != null ? string(ctx.value) : ctx.bareValue.getText(), pos(ctx));
    }
    return ctx.key == null
        ? new SetStatement(null, null, pos(ctx))
        : new SetStatement(string(ctx.key), string(ctx.value), pos(ctx));
  }

  @Override
  public ParsedStatement visitReset(ResetContext ctx) {
    if (ctx.bareKey != null) {
      return new ResetStatement(ctx.bareKey.getText(), pos(ctx));
    }
    return new ResetStatement(ctx.key == null ? null : string(ctx.key), pos(ctx));
  }

  @Override
  public ParsedStatement visitShow(ShowContext ctx) {
    return ShowBuilder.build(this, ctx.showTarget(), pos(ctx));
  }

  @Override
  public ParsedStatement visitDescribe(DescribeContext ctx) {
    DescribeTargetContext t = ctx.describeTarget();
    DescribeStatement.Kind kind = t.CATALOG() != null ? DescribeStatement.Kind.CATALOG
        : t.FUNCTION() != null ? DescribeStatement.Kind.FUNCTION : DescribeStatement.Kind.TABLE;
    ObjectName name = name(t.objectName());
    if (kind == DescribeStatement.Kind.CATALOG && name.parts().size() != 1) {
      throw SqlParseException.at(pos(t.objectName()), "DESCRIBE CATALOG takes a catalog name, not " + name);
    }
    return new DescribeStatement(kind, name, t.EXTENDED() != null, pos(ctx));
  }

  @Override
  public ParsedStatement visitLoadModule(LoadModuleContext ctx) {
    return new ModuleStatement(ModuleStatement.Kind.LOAD, List.of(identifier(ctx.identifier())),
        options(ctx.withOptions()), pos(ctx));
  }

  @Override
  public ParsedStatement visitUnloadModule(UnloadModuleContext ctx) {
    return new ModuleStatement(ModuleStatement.Kind.UNLOAD, List.of(identifier(ctx.identifier())), Map.of(), pos(ctx));
  }

  @Override
  public ParsedStatement visitAlterCatalog(AlterCatalogContext ctx) {
    String catalog = identifier(ctx.identifier());
    SqlPosition position = pos((ParserRuleContext) ctx.getParent());
    AlterCatalogActionContext action = ctx.alterCatalogAction();
    if (action instanceof SetCatalogOptionsContext s) {
      return AlterCatalogStatement.set(catalog, options(s.option()), position);
    }
    if (action instanceof ResetCatalogOptionsContext r) {
      List<String> keys = new ArrayList<>();
      for (TerminalNode key : r.STRING()) {
        keys.add(string(key.getSymbol()));
      }
      return AlterCatalogStatement.reset(catalog, keys, position);
    }
    return AlterCatalogStatement.comment(catalog, string(((CommentCatalogContext) action).STRING().getSymbol()),
        position);
  }

  @Override
  public ParsedStatement visitAlterDatabase(AlterDatabaseContext ctx) {
    return new AlterDatabaseStatement(name(ctx.objectName()), options(ctx.option()),
        pos((ParserRuleContext) ctx.getParent()));
  }

  @Override
  public ParsedStatement visitUse(UseContext ctx) {
    if (ctx.MODULES() != null) {
      List<String> names = new ArrayList<>();
      for (IdentifierContext id : ctx.identifier()) {
        names.add(identifier(id));
      }
      return new ModuleStatement(ModuleStatement.Kind.USE, names, Map.of(), pos(ctx));
    }
    return ctx.CATALOG() != null
        ? new UseCatalogStatement(identifier(ctx.identifier(0)), pos(ctx))
        : new UseDatabaseStatement(name(ctx.objectName()), pos(ctx));
  }

  @Override
  public ParsedStatement visitExplain(ExplainContext ctx) {
    if (ctx.ANALYZE() != null) {
      return new ExplainAnalyzeStatement(explainable(ctx.explainable()), pos(ctx));
    }
    if (ctx.UPGRADE() != null) {
      if (ctx.jobId != null) {
        return new ExplainUpgradeStatement(string(ctx.jobId), true, explainable(ctx.explainable()), pos(ctx));
      }
      return new ExplainUpgradeStatement(string(ctx.path), explainable(ctx.explainable()), pos(ctx));
    }
    List<ExplainStatement.ExplainDetail> details = new ArrayList<>();
    for (ExplainDetailContext detail : ctx.explainDetail()) {
      ExplainStatement.ExplainDetail value =
          ExplainStatement.ExplainDetail.valueOf(detail.getText().toUpperCase(Locale.ROOT));
      if (details.contains(value)) {
        throw SqlParseException.at(pos(detail), "Duplicate EXPLAIN detail " + value);
      }
      details.add(value);
    }
    return new ExplainStatement(ctx.PLAN() != null, details, explainable(ctx.explainable()), pos(ctx));
  }

  private ParsedStatement explainable(ExplainableContext target) {
    if (target.statementSet() != null) {
      return statementSet(target.statementSet());
    }
    if (target.insertStatement() != null) {
      return insert(target.insertStatement());
    }
    return new QueryStatement(fragment(target.query()));
  }



  @Override
  public ParsedStatement visitExecute(ExecuteContext ctx) {
    ExecutableContext target = ctx.executable();
    if (target.statementSet() != null) {
      return statementSet(target.statementSet(), pos(ctx));
    }
    ParsedStatement inner = target.insertStatement() != null
        ? insert(target.insertStatement())
        : new QueryStatement(fragment(target.query()));
    return new ExecuteStatement(inner, pos(ctx));
  }

  @Override
  public ParsedStatement visitTruncateTable(TruncateTableContext ctx) {
    return new TruncateTableStatement(name(ctx.objectName()), pos(ctx));
  }

  @Override
  public ParsedStatement visitDeleteFrom(DeleteFromContext ctx) {
    return new DeleteStatement(name(ctx.objectName()), ctx.condition() == null ? null : fragment(ctx.condition()),
        pos(ctx));
  }

  @Override
  public ParsedStatement visitUpdate(UpdateContext ctx) {
    List<UpdateStatement.Assignment> assignments = new ArrayList<>();
    for (AssignmentContext a : ctx.assignment()) {
      assignments.add(new UpdateStatement.Assignment(identifier(a.identifier()), fragment(a.assignmentValue())));
    }
    return new UpdateStatement(name(ctx.objectName()), assignments,
        ctx.condition() == null ? null : fragment(ctx.condition()), pos(ctx));
  }

  @Override
  public ParsedStatement visitCall(CallContext ctx) {
    List<CallStatement.Argument> arguments = new ArrayList<>();
    for (CallArgumentContext a : ctx.callArgument()) {
      String name = null;
      if (a.argName != null) {
        Token arrow = a.GT().getSymbol();
        if (arrow.getStartIndex() != a.EQ().getSymbol().getStopIndex() + 1) {
          throw new SqlParseException("Encountered \"" + arrow.getText() + "\" at ",
              " (a named argument is written name => value).", SyntaxErrors.positionOf(arrow));
        }
        name = identifier(a.argName);
      }
      arguments.add(new CallStatement.Argument(name, fragment(a.expression())));
    }
    return new CallStatement(name(ctx.objectName()), arguments, pos(ctx));
  }

  @Override
  public ParsedStatement visitExecutePlan(ExecutePlanContext ctx) {
    return new ExecutePlanStatement(string(ctx.path), pos(ctx));
  }

  @Override
  public ParsedStatement visitCompilePlan(CompilePlanContext ctx) {
    ParserRuleContext targetCtx = ctx.statementSet() != null ? ctx.statementSet() : ctx.insertStatement();
    ParsedStatement target = ctx.statementSet() != null ? statementSet(ctx.statementSet(), pos(targetCtx))
        : insert(ctx.insertStatement());
    String text = input.getText(Interval.of(targetCtx.start.getStartIndex(), targetCtx.stop.getStopIndex()));
    return new CompilePlanStatement(string(ctx.path), ctx.ifNotExists() != null, ctx.EXECUTE() != null, target,
        text, pos(ctx));
  }

  @Override
  public ParsedStatement visitAlterFunction(AlterFunctionContext ctx) {
    checkScope(ctx.TEMPORARY(), ctx.SYSTEM(), ctx.FUNCTION().getSymbol());
    return new AlterFunctionStatement(name(ctx.objectName()), ctx.TEMPORARY() != null, ctx.SYSTEM() != null,
        ctx.ifExists() != null, string(ctx.className), ctx.language == null ? null : identifier(ctx.language),
        pos((ParserRuleContext) ctx.getParent()));
  }

  @Override
  public ParsedStatement visitBeginStatementSet(BeginStatementSetContext ctx) {
    return new BeginStatementSetStatement(pos(ctx));
  }

  @Override
  public ParsedStatement visitEndStatementSet(EndStatementSetContext ctx) {
    return new EndStatementSetStatement(pos(ctx));
  }

  @Override
  public ParsedStatement visitAddJar(AddJarContext ctx) {
    return new AddJarStatement(string(ctx.path), pos(ctx));
  }

  @Override
  public ParsedStatement visitRemoveJar(RemoveJarContext ctx) {
    return new RemoveJarStatement(string(ctx.path), pos(ctx));
  }

  @Override
  public ParsedStatement visitStopJob(StopJobContext ctx) {
    if (ctx.SAVEPOINT().size() > 1 || ctx.DRAIN().size() > 1) {
      TerminalNode duplicate = ctx.SAVEPOINT().size() > 1 ? ctx.SAVEPOINT(1) : ctx.DRAIN(1);
      throw SqlParseException.at(SyntaxErrors.positionOf(duplicate.getSymbol()),
          "Duplicate WITH " + duplicate.getText().toUpperCase(Locale.ROOT));
    }
    return new StopJobStatement(string(ctx.jobId), !ctx.SAVEPOINT().isEmpty(), !ctx.DRAIN().isEmpty(),
        pos(ctx));
  }

  @Override
  public ParsedStatement visitHelp(HelpContext ctx) {
    return new ClientCommandStatement(ClientCommandStatement.Command.HELP, pos(ctx));
  }

  @Override
  public ParsedStatement visitQuit(QuitContext ctx) {
    return new ClientCommandStatement(ClientCommandStatement.Command.QUIT, pos(ctx));
  }

  @Override
  public ParsedStatement visitClear(ClearContext ctx) {
    return new ClientCommandStatement(ClientCommandStatement.Command.CLEAR, pos(ctx));
  }

  // -------------------------------------------------------------------------------------------- statement parts

  private InsertStatement insert(InsertStatementContext ctx) {
    Map<String, String> partitions = new LinkedHashMap<>();
    if (ctx.partitionSpec() != null) {
      for (PartitionValueContext value : ctx.partitionSpec().partitionValue()) {
        String key = identifier(value.identifier());
        if (partitions.put(key, literal(value.literal())) != null) {
          throw SqlParseException.at(pos(value), "Duplicate partition column '" + key + "'");
        }
      }
    }
    return new InsertStatement(name(ctx.objectName()), ctx.OVERWRITE() != null, partitions,
        identifiers(ctx.columnList()), fragment(ctx.query()), pos(ctx), targetHintOptions(ctx.objectName()));
  }

  /** The options of an {@code OPTIONS} hint right after an INSERT's target table ({@link TableHintOptions}). */
  private Map<String, String> targetHintOptions(ObjectNameContext target) {
    int stop = target.stop.getStopIndex();
    String rest = stop + 1 < input.size() ? input.getText(Interval.of(stop + 1, input.size() - 1)) : "";
    String trimmed = rest.stripLeading();
    int end = trimmed.indexOf("*/");
    if (!trimmed.startsWith("/*+") || end < 0) {
      return Map.of();
    }
    return TableHintOptions.parse(trimmed.substring(0, end + 2), pos(target));
  }

  private StatementSetStatement statementSet(StatementSetContext ctx) {
    return statementSet(ctx, pos(ctx));
  }

  private StatementSetStatement statementSet(StatementSetContext ctx, SqlPosition position) {
    List<InsertStatement> inserts = new ArrayList<>();
    ctx.insertStatement().forEach(i -> inserts.add(insert(i)));
    return new StatementSetStatement(inserts, position);
  }

  private ParsedStatement createTable(CreateTableContext ctx, boolean temporary, SqlPosition position) {
    ObjectName name = name(ctx.objectName());
    boolean ifNotExists = ctx.ifNotExists() != null;
    String comment = comment(ctx.commentClause());
    List<String> partitionKeys = ctx.partitionedBy() == null
        ? List.of()
        : identifiers(ctx.partitionedBy().columnList());
    Map<String, String> options = options(ctx.withOptions());
    if (ctx.query() != null) {
      TableElements declared = new TableElements(this);
      if (ctx.tableElements() != null) {
        ctx.tableElements().tableElement().forEach(declared::add);
      }
      return new CreateTableAsStatement(name, temporary, ifNotExists, comment, partitionKeys, options,
          fragment(ctx.query()), position, declared.columns, declared.watermark, declared.primaryKey,
          ctx.columnList() == null ? List.of() : identifiers(ctx.columnList()));
    }
    if (ctx.columnList() != null) {
      throw SqlParseException.at(pos(ctx.columnList()),
          "A column list without types is only allowed with AS <query>: CREATE TABLE t (a, b) WITH (...) AS SELECT ...");
    }
    if (ctx.tableElements() == null && ctx.likeClause() == null) {
      throw SqlParseException.at(pos(ctx.objectName()),
          "CREATE TABLE needs a column list, a LIKE clause or AS <query>");
    }
    TableElements elements = new TableElements(this);
    if (ctx.tableElements() != null) {
      ctx.tableElements().tableElement().forEach(elements::add);
    }
    return new CreateTableStatement(name, temporary, ifNotExists, elements.columns, elements.watermark,
        elements.primaryKey, comment, partitionKeys, options, like(ctx.likeClause()), position);
  }

  private LikeClause like(LikeClauseContext ctx) {
    if (ctx == null) {
      return null;
    }
    List<LikeClause.LikeOption> likeOptions = new ArrayList<>();
    for (LikeOptionContext option : ctx.likeOption()) {
      likeOptions.add(new LikeClause.LikeOption(
          LikeClause.Strategy.valueOf(option.strategy.getText().toUpperCase(Locale.ROOT)),
          LikeClause.Feature.valueOf(option.feature.getText().toUpperCase(Locale.ROOT))));
    }
    return new LikeClause(name(ctx.objectName()), likeOptions, pos(ctx));
  }

  /** TEMPORARY applies to tables, views and functions; SYSTEM only to TEMPORARY functions. */
  private static void checkScope(TerminalNode temporary, TerminalNode system, Token target) {
    boolean function = target.getType() == SluiceSqlLexer.FUNCTION;
    boolean table = target.getType() == SluiceSqlLexer.TABLE || target.getType() == SluiceSqlLexer.VIEW;
    if (system != null && (temporary == null || !function)) {
      throw SqlParseException.at(SyntaxErrors.positionOf(system.getSymbol()),
          "SYSTEM is only allowed in TEMPORARY SYSTEM FUNCTION");
    }
    if (temporary != null && !function && !table) {
      throw SqlParseException.at(SyntaxErrors.positionOf(temporary.getSymbol()),
          "TEMPORARY is not allowed for " + target.getText().toUpperCase(Locale.ROOT));
    }
  }

  private static String language(IdentifierContext ctx) {
    if (ctx == null) {
      return null;
    }
    String language = ctx.getText().toUpperCase(Locale.ROOT);
    if (!List.of("JAVA", "SCALA", "PYTHON").contains(language)) {
      throw SqlParseException.at(pos(ctx),
          "Unsupported function language \"" + ctx.getText() + "\", expected JAVA, SCALA or PYTHON");
    }
    return language;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /**
   * The original text of a rule, from its first to its last token, and a table hint that follows its last token
   * ({@code FROM t /*+ OPTIONS(..) *}{@code /} at the end of a query: a comment to this grammar, but Calcite's).
   */
  SqlFragment fragment(ParserRuleContext ctx) {
    int stop = ctx.stop.getStopIndex();
    String text = input.getText(Interval.of(ctx.start.getStartIndex(), stop));
    while (true) {
      String rest = stop + 1 < input.size() ? input.getText(Interval.of(stop + 1, input.size() - 1)) : "";
      String trimmed = rest.stripLeading();
      int end = trimmed.indexOf("*/");
      if (!trimmed.startsWith("/*+") || end < 0) {
        break;
      }
      int consumed = rest.length() - trimmed.length() + end + 2;
      text += rest.substring(0, consumed);
      stop += consumed;
    }
    return new SqlFragment(text, pos(ctx));
  }

  static SqlPosition pos(ParserRuleContext ctx) {
    return SyntaxErrors.positionOf(ctx.start);
  }

  static ObjectName name(ObjectNameContext ctx) {
    List<String> parts = new ArrayList<>();
    ctx.identifier().forEach(i -> parts.add(identifier(i)));
    return new ObjectName(parts, pos(ctx));
  }

  static String identifier(IdentifierContext ctx) {
    if (ctx.QUOTED_IDENTIFIER() != null) {
      String text = ctx.getText();
      String name = text.substring(1, text.length() - 1).replace("``", "`");
      if (name.isEmpty()) {
        throw SqlParseException.at(pos(ctx), "Zero-length delimited identifier");
      }
      return name;
    }
    return ctx.getText();
  }

  static List<String> identifiers(ColumnListContext ctx) {
    List<String> names = new ArrayList<>();
    if (ctx != null) {
      ctx.identifier().forEach(i -> names.add(identifier(i)));
    }
    return names;
  }

  static String string(Token token) {
    String text = token.getText();
    return text.substring(1, text.length() - 1).replace("''", "'");
  }

  static String comment(CommentClauseContext ctx) {
    return ctx == null ? null : string(ctx.STRING().getSymbol());
  }

  static Map<String, String> options(WithOptionsContext ctx) {
    return ctx == null ? new LinkedHashMap<>() : options(ctx.option());
  }

  static Map<String, String> options(List<OptionContext> list) {
    Map<String, String> options = new LinkedHashMap<>();
    {
      for (OptionContext option : list) {
        String key = string(option.key);
        if (options.put(key, string(option.value)) != null) {
          throw SqlParseException.at(SyntaxErrors.positionOf(option.key), "Duplicate option key '" + key + "'");
        }
      }
    }
    return options;
  }

  private static String literal(LiteralContext ctx) {
    if (ctx.STRING() != null) {
      return string(ctx.STRING().getSymbol());
    }
    return ctx.getText();
  }
}
