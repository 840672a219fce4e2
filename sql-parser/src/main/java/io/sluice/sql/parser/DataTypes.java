package io.sluice.sql.parser;

import io.sluice.sql.parser.SluiceSqlParser.*;
import io.sluice.sql.parser.ast.DataTypeSpec;
import io.sluice.sql.parser.ast.SqlPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@link DataTypeSpec}s from {@code dataType} parse trees, normalising type-name synonyms. */
final class DataTypes {

  /** Accepted simple type names (upper case) and the most parameters each takes. */
  private static final Map<String, Integer> MAX_PARAMETERS = Map.ofEntries(
      Map.entry("BOOLEAN", 0), Map.entry("TINYINT", 0), Map.entry("SMALLINT", 0), Map.entry("INT", 0),
      Map.entry("BIGINT", 0), Map.entry("FLOAT", 0), Map.entry("REAL", 0), Map.entry("DOUBLE", 0),
      Map.entry("DECIMAL", 2), Map.entry("CHAR", 1), Map.entry("VARCHAR", 1), Map.entry("STRING", 0),
      Map.entry("BINARY", 1), Map.entry("VARBINARY", 1), Map.entry("BYTES", 0), Map.entry("DATE", 0),
      Map.entry("TIMESTAMP_LTZ", 1));

  private static final Map<String, String> SYNONYMS = Map.of(
      "INTEGER", "INT", "DEC", "DECIMAL", "NUMERIC", "DECIMAL", "CHARACTER", "CHAR");

  private DataTypes() {}

  static DataTypeSpec build(DataTypeContext ctx) {
    DataTypeSpec type = body(ctx.typeBody());
    if (ctx.nullability() != null && ctx.nullability().NOT() != null) {
      type = type.withNullable(false);
    }
    return type;
  }

  private static DataTypeSpec body(TypeBodyContext ctx) {
    SqlPosition position = AstBuilder.pos(ctx);
    if (ctx instanceof CollectionTypeContext c) {
      return DataTypeSpec.collection(c.start.getText().toUpperCase(Locale.ROOT), List.of(build(c.dataType())),
          position);
    }
    if (ctx instanceof MapTypeContext c) {
      return DataTypeSpec.collection("MAP", List.of(build(c.dataType(0)), build(c.dataType(1))), position);
    }
    if (ctx instanceof RowTypeContext c) {
      return row(c.rowField(), position);
    }
    if (ctx instanceof RowParenTypeContext c) {
      return row(c.rowField(), position);
    }
    if (ctx instanceof TimestampTypeContext c) {
      String name = c.LOCAL() != null ? "TIMESTAMP_LTZ" : "TIMESTAMP";
      return DataTypeSpec.scalar(name, precision(c.typePrecision()), DataTypeSpec.UNSPECIFIED, position);
    }
    if (ctx instanceof TimeTypeContext c) {
      return DataTypeSpec.scalar("TIME", precision(c.typePrecision()), DataTypeSpec.UNSPECIFIED, position);
    }
    if (ctx instanceof IntervalTypeContext c) {
      String to = c.to == null ? null : c.to.getText().toUpperCase(Locale.ROOT);
      return DataTypeSpec.interval(c.from.getText().toUpperCase(Locale.ROOT), precision(c.fromPrecision), to,
          precision(c.toPrecision), position);
    }
    return named((NamedTypeContext) ctx, position);
  }

  private static DataTypeSpec named(NamedTypeContext ctx, SqlPosition position) {
    String written = ctx.name.getText().toUpperCase(Locale.ROOT);
    String name = SYNONYMS.getOrDefault(written, written);
    if (ctx.PRECISION() != null && !name.equals("DOUBLE")) {
      throw unexpected(ctx.PRECISION());
    }
    Integer maxParameters = MAX_PARAMETERS.get(name);
    if (maxParameters == null) {
      throw SqlParseException.at(position, "Unknown data type \"" + ctx.name.getText() + "\"");
    }
    int precision = DataTypeSpec.UNSPECIFIED;
    int scale = DataTypeSpec.UNSPECIFIED;
    TypeParametersContext parameters = ctx.typeParameters();
    if (parameters != null) {
      List<TerminalNode> values = parameters.INTEGER_VALUE();
      if (values.size() > maxParameters) {
        throw SqlParseException.at(AstBuilder.pos(parameters),
            maxParameters == 0
                ? "Data type " + name + " does not take parameters"
                : "Data type " + name + " takes at most " + maxParameters + " parameter(s)");
      }
      precision = integer(values.get(0).getSymbol());
      if (values.size() > 1) {
        scale = integer(values.get(1).getSymbol());
      }
    }
    return DataTypeSpec.scalar(name, precision, scale, position);
  }

  private static DataTypeSpec row(List<RowFieldContext> fields, SqlPosition position) {
    List<String> names = new ArrayList<>();
    List<DataTypeSpec> types = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (RowFieldContext field : fields) {
      names.add(AstBuilder.identifier(field.identifier()));
      types.add(build(field.dataType()));
      descriptions.add(field.description == null ? null : AstBuilder.string(field.description));
    }
    return DataTypeSpec.row(names, types, descriptions, position);
  }

  private static int precision(TypePrecisionContext ctx) {
    return ctx == null ? DataTypeSpec.UNSPECIFIED : integer(ctx.INTEGER_VALUE().getSymbol());
  }

  private static int integer(Token token) {
    try {
      return Integer.parseInt(token.getText());
    } catch (NumberFormatException e) {
      throw SqlParseException.at(SyntaxErrors.positionOf(token), "Numeric literal '" + token.getText()
          + "' out of range");
    }
  }

  private static SqlParseException unexpected(TerminalNode node) {
    Token token = node.getSymbol();
    return new SqlParseException("Encountered \"" + token.getText() + "\" at ", ".",
        SyntaxErrors.positionOf(token));
  }
}
