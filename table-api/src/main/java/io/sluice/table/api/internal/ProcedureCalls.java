package io.sluice.table.api.internal;

import io.sluice.codegen.udf.ExternalTypes;
import io.sluice.codegen.udf.TypeStrings;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.types.LogicalType;
import io.sluice.sql.parser.ast.CallStatement;
import io.sluice.table.annotation.ArgumentHint;
import io.sluice.table.annotation.ProcedureHint;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
import io.sluice.table.procedure.ProcedureContext;
import io.sluice.table.procedures.Procedure;
import io.sluice.types.Row;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * {@code CALL [catalog.][database.]procedure(arguments)}: finds the procedure in its catalog, evaluates the
 * arguments (constant expressions) with a query, picks the {@code call} method whose parameters take them (by
 * number, by name for named arguments, by Java class for overloads), invokes it and shows the returned array as a
 * table (see {@link Procedure} for the columns).
 */
final class ProcedureCalls {
    private final TableEnvironmentImpl env;

    ProcedureCalls(TableEnvironmentImpl env) {
        this.env = env;
    }

    /** One parameter of a call method after the argument list: its name, SQL type hint and optionality. */
    private record Param(String name, String typeHint, boolean optional, Class<?> javaClass) {
    }

    TableResult call(CallStatement s) {
        CatalogManager catalogs = env.catalogs();
        List<String> parts = s.procedure().parts();
        if (parts.size() > 3) {
            throw new ValidationException("Procedure name " + s.procedure() + " has more than three parts"
                    + " (catalog.database.procedure).");
        }
        String catalogName = parts.size() == 3 ? parts.get(0) : catalogs.currentCatalog();
        String database = parts.size() >= 2 ? parts.get(parts.size() - 2) : catalogs.currentDatabase();
        String name = parts.get(parts.size() - 1);
        Catalog catalog = catalogs.getCatalog(catalogName).orElseThrow(() -> new ValidationException(
                "Catalog " + catalogName + " does not exist."));
        Procedure procedure = catalog.getProcedure(database, name).orElseThrow(() -> new ValidationException(
                "Procedure " + database + "." + name + " does not exist in Catalog " + catalogName + "."));
        boolean named = !s.arguments().isEmpty() && s.arguments().get(0).name() != null;
        for (CallStatement.Argument a : s.arguments()) {
            if ((a.name() != null) != named) {
                throw new ValidationException("The arguments of CALL " + s.procedure() + " are either all named"
                        + " (name => value) or all positional.");
            }
        }
        Object[] values = evaluate(s.arguments());
        List<Method> candidates = new ArrayList<>();
        for (Method m : procedure.getClass().getMethods()) {
            if (m.getName().equals("call") && m.getParameterCount() >= 1
                    && m.getParameterTypes()[0] == ProcedureContext.class && m.getReturnType().isArray()) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            throw new ValidationException("Procedure " + name + " (" + procedure.getClass().getName() + ") has no"
                    + " public method 'call(ProcedureContext, ...)' returning an array.");
        }
        for (Method m : candidates) {
            Object[] args = bind(m, s.arguments(), values, named);
            if (args != null) {
                return result(m, invoke(procedure, m, args, name), name);
            }
        }
        for (Method m : candidates) {
            if (isVarArgs(m)) {
                throw new UnsupportedOperationException("not supported yet: procedure call methods with"
                        + " variable-length arguments (" + m + ")");
            }
        }
        List<String> types = new ArrayList<>();
        for (Object v : values) {
            types.add(v == null ? "NULL" : v.getClass().getSimpleName());
        }
        throw new ValidationException("Could not find an implementation method 'call' in class '"
                + procedure.getClass().getName() + "' for procedure '" + name + "' that matches the arguments ("
                + String.join(", ", types) + ")" + (named ? " by name" : "") + ".");
    }

    /** The argument values, evaluated by one constant query. */
    private Object[] evaluate(List<CallStatement.Argument> arguments) {
        if (arguments.isEmpty()) {
            return new Object[0];
        }
        List<String> select = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            select.add("(" + arguments.get(i).value().text() + ") AS `a" + i + "`");
        }
        TableResult r = env.executeInternalQuery("SELECT " + String.join(", ", select));
        try (var it = r.collect()) {
            Iterator<Row> rows = it;
            Row row = rows.next();
            Object[] values = new Object[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getField(i);
            }
            return values;
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new TableException("Could not evaluate the arguments of CALL: " + e.getMessage(), e);
        }
    }

    /** The method's parameters after the context, with names, type hints and optionality. */
    private static List<Param> params(Method m) {
        Parameter[] ps = m.getParameters();
        ProcedureHint hint = hint(m);
        ArgumentHint[] listed = hint == null ? new ArgumentHint[0]
                : hint.arguments().length > 0 ? hint.arguments() : hint.argument();
        List<Param> params = new ArrayList<>();
        for (int i = 1; i < ps.length; i++) {
            ArgumentHint a = listed.length == ps.length - 1 ? listed[i - 1] : ps[i].getAnnotation(ArgumentHint.class);
            String typeHint = a != null && !a.type().value().isEmpty() ? a.type().value() : null;
            if (typeHint == null && hint != null && hint.input().length == ps.length - 1
                    && !hint.input()[i - 1].value().isEmpty()) {
                typeHint = hint.input()[i - 1].value();
            }
            if (typeHint == null) {
                typeHint = io.sluice.codegen.udf.TypeHints.dataType(ps[i]);
            }
            String name = a != null && !a.name().isEmpty() ? a.name() : null;
            params.add(new Param(name, typeHint, a != null && a.isOptional(), ps[i].getType()));
        }
        return params;
    }

    private static boolean isVarArgs(Method m) {
        ProcedureHint hint = hint(m);
        return m.isVarArgs() || hint != null && hint.isVarArgs();
    }

    private static ProcedureHint hint(Method m) {
        ProcedureHint[] own = m.getAnnotationsByType(ProcedureHint.class);
        if (own.length > 0) {
            return own[0];
        }
        ProcedureHint[] onClass = m.getDeclaringClass().getAnnotationsByType(ProcedureHint.class);
        return onClass.length > 0 ? onClass[0] : null;
    }

    /** The Java arguments (after the context) for {@code m}, or null when the call's arguments do not fit it. */
    private Object[] bind(Method m, List<CallStatement.Argument> arguments, Object[] values, boolean named) {
        if (isVarArgs(m)) {
            return null; // variable-length procedure arguments are not supported yet
        }
        List<Param> params = params(m);
        Object[] ordered = new Object[params.size()];
        if (named) {
            boolean[] given = new boolean[params.size()];
            for (int i = 0; i < arguments.size(); i++) {
                int pos = -1;
                for (int p = 0; p < params.size(); p++) {
                    if (arguments.get(i).name().equals(params.get(p).name())) {
                        pos = p;
                    }
                }
                if (pos < 0 || given[pos]) {
                    return null;
                }
                given[pos] = true;
                ordered[pos] = values[i];
            }
            for (int p = 0; p < params.size(); p++) {
                if (!given[p] && !params.get(p).optional()) {
                    return null;
                }
            }
        } else {
            if (values.length != params.size()) {
                return null;
            }
            System.arraycopy(values, 0, ordered, 0, values.length);
        }
        Object[] args = new Object[params.size() + 1];
        args[0] = (ProcedureContext) () -> env.configuration().copy();
        for (int p = 0; p < params.size(); p++) {
            Param param = params.get(p);
            Object converted = convert(ordered[p], param.javaClass());
            if (converted == NO_MATCH) {
                return null;
            }
            if (param.typeHint() != null) {
                LogicalType t = TypeStrings.parseType(param.typeHint());
                if (!ExternalTypes.compatible(param.javaClass(), t)) {
                    throw new ValidationException("The type hint '" + param.typeHint() + "' of argument " + (p + 1)
                            + " of " + m + " does not fit its Java class " + param.javaClass().getName() + ".");
                }
            }
            args[p + 1] = converted;
        }
        return args;
    }

    private static final Object NO_MATCH = new Object();

    /** {@code v} as an instance of {@code c} (numbers widened or narrowed exactly), or {@link #NO_MATCH}. */
    private static Object convert(Object v, Class<?> c) {
        if (v == null) {
            return c.isPrimitive() ? NO_MATCH : null;
        }
        Class<?> boxed = box(c);
        if (boxed.isInstance(v)) {
            return v;
        }
        if (v instanceof Number n && Number.class.isAssignableFrom(boxed)) {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            try {
                if (boxed == Integer.class) {
                    return d.intValueExact();
                } else if (boxed == Long.class) {
                    return d.longValueExact();
                } else if (boxed == Short.class) {
                    return d.shortValueExact();
                } else if (boxed == Byte.class) {
                    return d.byteValueExact();
                } else if (boxed == Double.class) {
                    return d.doubleValue();
                } else if (boxed == Float.class) {
                    return d.floatValue();
                } else if (boxed == BigDecimal.class) {
                    return d;
                }
            } catch (ArithmeticException e) {
                return NO_MATCH;
            }
        }
        return NO_MATCH;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == boolean.class ? Boolean.class
                : c == double.class ? Double.class : c == float.class ? Float.class : c == short.class ? Short.class
                : c == byte.class ? Byte.class : Character.class;
    }

    private static Object invoke(Procedure procedure, Method m, Object[] args, String name) {
        try {
            return m.invoke(procedure, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new TableException("Procedure " + name + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new TableException("Cannot call procedure " + name + ": " + e.getMessage(), e);
        }
    }

    /** The returned array as a table. */
    private TableResult result(Method m, Object array, String name) {
        Configuration config = env.configuration();
        Class<?> element = m.getReturnType().getComponentType();
        ProcedureHint hint = hint(m);
        LogicalType type = hint != null && !hint.output().value().isEmpty()
                ? TypeStrings.parseType(hint.output().value()) : null;
        int length = array == null ? 0 : java.lang.reflect.Array.getLength(array);
        List<Row> rows = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        if (type != null && type.root() == io.sluice.runtime.types.TypeRoot.ROW) {
            for (int i = 0; i < type.fieldNames().size(); i++) {
                columns.add(Column.physical(type.fieldNames().get(i), new DataType(type.children().get(i))));
            }
            for (int r = 0; r < length; r++) {
                Object v = java.lang.reflect.Array.get(array, r);
                rows.add(v instanceof Row row ? Row.of(fields(row)) : Row.of(v));
            }
        } else if (type != null || ExternalTypes.defaultType(element) != null) {
            LogicalType t = type != null ? type : ExternalTypes.defaultType(element);
            columns.add(Column.physical("result", new DataType(element.isPrimitive() ? t.notNull() : t)));
            for (int r = 0; r < length; r++) {
                rows.add(Row.of(java.lang.reflect.Array.get(array, r)));
            }
        } else {
            List<Field> fields = new ArrayList<>();
            for (Field f : element.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    LogicalType t = ExternalTypes.defaultType(f.getType());
                    if (t == null) {
                        throw new ValidationException("Cannot infer a SQL type for field '" + f.getName() + "' of "
                                + element.getName() + ", the result of procedure " + name + ". Use a supported"
                                + " class or @ProcedureHint(output = @DataTypeHint(\"ROW<...>\")) with Row[].");
                    }
                    fields.add(f);
                    columns.add(Column.physical(f.getName(), new DataType(f.getType().isPrimitive() ? t.notNull()
                            : t)));
                }
            }
            if (fields.isEmpty()) {
                throw new ValidationException("Cannot infer the result columns of procedure " + name + " from "
                        + element.getName() + ": it has no public fields. Use @ProcedureHint(output = ...).");
            }
            for (int r = 0; r < length; r++) {
                Object v = java.lang.reflect.Array.get(array, r);
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    try {
                        values[i] = v == null ? null : fields.get(i).get(v);
                    } catch (IllegalAccessException e) {
                        throw new TableException("Cannot read field " + fields.get(i) + ": " + e.getMessage(), e);
                    }
                }
                rows.add(Row.of(values));
            }
        }
        return TableResultImpl.ofRows(ResolvedSchema.of(columns.toArray(new Column[0])), rows, config);
    }

    private static Object[] fields(Row row) {
        Object[] values = new Object[row.getArity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(i);
        }
        return values;
    }

    /** The procedures of {@code catalog.database} for SHOW PROCEDURES. */
    static List<String> list(CatalogManager catalogs, String catalog, String database) {
        Optional<Catalog> c = catalogs.getCatalog(catalog);
        return c.isEmpty() ? List.of() : new ArrayList<>(c.get().listProcedures(database));
    }
}
