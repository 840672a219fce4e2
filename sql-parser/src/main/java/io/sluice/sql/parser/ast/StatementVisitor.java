package io.sluice.sql.parser.ast;

/**
 * One method per statement class. The planner and the shell implement it to execute statements.
 *
 * @param <R> the result type
 */
public interface StatementVisitor<R> {

  R visit(QueryStatement statement);

  R visit(InsertStatement statement);

  R visit(StatementSetStatement statement);

  R visit(ExecuteStatement statement);

  R visit(ExplainStatement statement);

  R visit(CreateTableStatement statement);

  R visit(CreateTableAsStatement statement);

  R visit(CreateViewStatement statement);

  R visit(CreateDatabaseStatement statement);

  R visit(CreateCatalogStatement statement);

  R visit(CreateFunctionStatement statement);

  R visit(AlterTableStatement statement);

  R visit(AlterViewStatement statement);

  R visit(DropTableStatement statement);

  R visit(DropViewStatement statement);

  R visit(DropDatabaseStatement statement);

  R visit(DropCatalogStatement statement);

  R visit(DropFunctionStatement statement);

  R visit(SetStatement statement);

  R visit(ResetStatement statement);

  R visit(ShowStatement statement);

  R visit(DescribeStatement statement);

  R visit(UseCatalogStatement statement);

  R visit(UseDatabaseStatement statement);

  R visit(BeginStatementSetStatement statement);

  R visit(EndStatementSetStatement statement);

  R visit(AddJarStatement statement);

  R visit(RemoveJarStatement statement);

  R visit(StopJobStatement statement);

  R visit(ClientCommandStatement statement);

  R visit(AlterCatalogStatement statement);

  R visit(AlterDatabaseStatement statement);

  R visit(ModuleStatement statement);

  R visit(AlterFunctionStatement statement);

  R visit(CompilePlanStatement statement);

  R visit(ExecutePlanStatement statement);

  R visit(ExplainUpgradeStatement statement);

  R visit(ExplainAnalyzeStatement statement);

  /** TRUNCATE TABLE; implementations that do not run it inherit a "not supported yet" error. */
  default R visit(TruncateTableStatement statement) {
    throw new UnsupportedOperationException("not supported yet: TRUNCATE TABLE");
  }

  /** DELETE FROM; implementations that do not run it inherit a "not supported yet" error. */
  default R visit(DeleteStatement statement) {
    throw new UnsupportedOperationException("not supported yet: DELETE");
  }

  /** UPDATE; implementations that do not run it inherit a "not supported yet" error. */
  default R visit(UpdateStatement statement) {
    throw new UnsupportedOperationException("not supported yet: UPDATE");
  }

  /** CALL; implementations that do not run it inherit a "not supported yet" error. */
  default R visit(CallStatement statement) {
    throw new UnsupportedOperationException("not supported yet: CALL");
  }

  /** CREATE [OR ALTER] MATERIALIZED TABLE; implementations that do not run it inherit a "not supported yet" error. */
  default R visit(CreateMaterializedTableStatement statement) {
    throw new UnsupportedOperationException("not supported yet: CREATE MATERIALIZED TABLE");
  }

  /** ALTER MATERIALIZED TABLE; implementations that do not run it inherit a "not supported yet" error. */
  default R visit(AlterMaterializedTableStatement statement) {
    throw new UnsupportedOperationException("not supported yet: ALTER MATERIALIZED TABLE");
  }

  /** DROP MATERIALIZED TABLE; implementations that do not run it inherit a "not supported yet" error. */
  default R visit(DropMaterializedTableStatement statement) {
    throw new UnsupportedOperationException("not supported yet: DROP MATERIALIZED TABLE");
  }
}
