package io.sluice.sql.parser;

import io.sluice.sql.parser.SluiceSqlParser.*;
import io.sluice.sql.parser.ast.AlterTableStatement;
import io.sluice.sql.parser.ast.ColumnDefinition;
import io.sluice.sql.parser.ast.DataTypeSpec;
import io.sluice.sql.parser.ast.PrimaryKeySpec;
import io.sluice.sql.parser.ast.SqlPosition;
import io.sluice.sql.parser.ast.WatermarkSpec;
import java.util.ArrayList;
import java.util.List;

/** Collects the columns, the watermark and the primary key of a {@code CREATE TABLE} element list. */
final class TableElements {

  private static final String ENFORCED_MESSAGE =
      "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint, only NOT ENFORCED";

  final List<ColumnDefinition> columns = new ArrayList<>();
  /** The columns of an ALTER TABLE ADD|MODIFY with their positions. */
  final List<AlterTableStatement.ColumnChange> changes = new ArrayList<>();
  WatermarkSpec watermark;
  PrimaryKeySpec primaryKey;

  private final AstBuilder builder;

  TableElements(AstBuilder builder) {
    this.builder = builder;
  }

  void add(TableElementContext element) {
    add(element.watermarkDefinition(), element.tableConstraint(), element.columnDefinition());
  }

  /** Adds the key constraint of a {@code CREATE MATERIALIZED TABLE}. */
  void add(TableConstraintContext constraint) {
    add(null, constraint, null);
  }

  /** Adds a component of {@code ALTER TABLE .. ADD|MODIFY}; a column is also recorded with its position. */
  void add(AlterElementContext element) {
    add(element.watermarkDefinition(), element.tableConstraint(), element.columnDefinition());
    if (element.columnDefinition() != null) {
      ColumnPositionContext position = element.columnPosition();
      ColumnDefinition column = columns.get(columns.size() - 1);
      changes.add(new AlterTableStatement.ColumnChange(column, position != null && position.FIRST() != null,
          position == null || position.AFTER() == null ? null : AstBuilder.identifier(position.identifier())));
    }
  }

  private void add(WatermarkDefinitionContext watermarkDefinition, TableConstraintContext tableConstraint,
      ColumnDefinitionContext columnDefinition) {
    if (watermarkDefinition != null) {
      WatermarkDefinitionContext ctx = watermarkDefinition;
      if (watermark != null) {
        throw SqlParseException.at(AstBuilder.pos(ctx), "Multiple WATERMARK statements are not supported");
      }
      watermark = new WatermarkSpec(AstBuilder.identifier(ctx.identifier()), builder.fragment(ctx.expression()),
          AstBuilder.pos(ctx));
    } else if (tableConstraint != null) {
      TableConstraintContext ctx = tableConstraint;
      checkEnforcement(ctx.enforcement(), AstBuilder.pos(ctx));
      setPrimaryKey(new PrimaryKeySpec(constraintName(ctx.identifier()),
          AstBuilder.identifiers(ctx.columnList()), AstBuilder.pos(ctx)));
    } else {
      columns.add(column(columnDefinition));
    }
  }

  private ColumnDefinition column(ColumnDefinitionContext c) {
    SqlPosition position = AstBuilder.pos(c);
    String name = AstBuilder.identifier(c.identifier());
    String comment = AstBuilder.comment(c.commentClause());
    if (c.expression() != null) {
      return ColumnDefinition.computed(name, builder.fragment(c.expression()), comment, position);
    }
    DataTypeSpec type = DataTypes.build(c.dataType());
    MetadataSpecContext metadata = c.metadataSpec();
    if (metadata != null) {
      return ColumnDefinition.metadata(name, type,
          metadata.metadataKey == null ? null : AstBuilder.string(metadata.metadataKey),
          metadata.VIRTUAL() != null, comment, position);
    }
    ColumnConstraintContext constraint = c.columnConstraint();
    if (constraint != null) {
      checkEnforcement(constraint.enforcement(), AstBuilder.pos(constraint));
      setPrimaryKey(new PrimaryKeySpec(constraintName(constraint.identifier()), List.of(name),
          AstBuilder.pos(constraint)));
    }
    return ColumnDefinition.physical(name, type, comment, position);
  }

  private void setPrimaryKey(PrimaryKeySpec key) {
    if (primaryKey != null) {
      throw SqlParseException.at(key.position(), "Duplicate primary key definition");
    }
    primaryKey = key;
  }

  private static String constraintName(IdentifierContext ctx) {
    return ctx == null ? null : AstBuilder.identifier(ctx);
  }

  private static void checkEnforcement(EnforcementContext ctx, SqlPosition keyPosition) {
    if (ctx == null) {
      throw SqlParseException.at(keyPosition, ENFORCED_MESSAGE);
    }
    if (ctx.NOT() == null) {
      throw SqlParseException.at(AstBuilder.pos(ctx), ENFORCED_MESSAGE);
    }
  }
}
