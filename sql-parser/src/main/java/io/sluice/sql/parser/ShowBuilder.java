package io.sluice.sql.parser;

import io.sluice.sql.parser.SluiceSqlParser.*;
import io.sluice.sql.parser.ast.ObjectName;
import io.sluice.sql.parser.ast.ShowStatement;
import io.sluice.sql.parser.ast.ShowStatement.Kind;
import io.sluice.sql.parser.ast.SqlPosition;

/** Builds {@link ShowStatement}s from the {@code showTarget} alternatives. */
final class ShowBuilder {

  private ShowBuilder() {}

  static ShowStatement build(AstBuilder builder, ShowTargetContext target, SqlPosition position) {
    if (target instanceof ShowTablesContext c) {
      return show(Kind.TABLES, c.showFrom(), c.showLike(), position);
    }
    if (target instanceof ShowViewsContext c) {
      return show(Kind.VIEWS, c.showFrom(), c.showLike(), position);
    }
    if (target instanceof ShowDatabasesContext c) {
      return show(Kind.DATABASES, c.showFrom(), c.showLike(), position);
    }
    if (target instanceof ShowCatalogsContext c) {
      return show(Kind.CATALOGS, null, c.showLike(), position);
    }
    if (target instanceof ShowFunctionsContext c) {
      if (c.USER().size() > 1) {
        throw SqlParseException.at(AstBuilder.pos(c), "USER may only be written once");
      }
      Kind kind = c.USER().isEmpty() ? Kind.FUNCTIONS : Kind.USER_FUNCTIONS;
      return show(kind, c.showFrom(), c.showLike(), position);
    }
    if (target instanceof ShowColumnsContext c) {
      return show(Kind.COLUMNS, c.showFrom(), c.showLike(), position);
    }
    if (target instanceof ShowCreateContext c) {
      Kind kind = c.MATERIALIZED() != null ? Kind.CREATE_MATERIALIZED_TABLE : c.TABLE() != null ? Kind.CREATE_TABLE
          : c.VIEW() != null ? Kind.CREATE_VIEW : Kind.CREATE_CATALOG;
      ObjectName name = AstBuilder.name(c.objectName());
      if (kind == Kind.CREATE_CATALOG && name.parts().size() != 1) {
        throw SqlParseException.at(AstBuilder.pos(c.objectName()), "SHOW CREATE CATALOG takes a catalog name, not "
            + name);
      }
      return new ShowStatement(kind, name, null, false, false, position);
    }
    if (target instanceof ShowMaterializedTablesContext c) {
      return show(Kind.MATERIALIZED_TABLES, c.showFrom(), c.showLike(), position);
    }
    if (target instanceof ShowProceduresContext c) {
      return show(Kind.PROCEDURES, c.showFrom(), c.showLike(), position);
    }
    Kind kind;
    if (target instanceof ShowModulesContext m) {
      kind = m.FULL() != null ? Kind.FULL_MODULES : Kind.MODULES;
    } else if (target instanceof ShowJobsContext) {
      kind = Kind.JOBS;
    } else if (target instanceof ShowJarsContext) {
      kind = Kind.JARS;
    } else if (((ShowCurrentContext) target).CATALOG() != null) {
      kind = Kind.CURRENT_CATALOG;
    } else {
      kind = Kind.CURRENT_DATABASE;
    }
    return new ShowStatement(kind, null, null, false, false, position);
  }

  private static ShowStatement show(Kind kind, ShowFromContext from, ShowLikeContext like,
      SqlPosition position) {
    ObjectName target = from == null ? null : AstBuilder.name(from.objectName());
    if (like == null) {
      return new ShowStatement(kind, target, null, false, false, position);
    }
    return new ShowStatement(kind, target, AstBuilder.string(like.pattern), like.NOT() != null,
        like.ILIKE() != null, position);
  }
}
