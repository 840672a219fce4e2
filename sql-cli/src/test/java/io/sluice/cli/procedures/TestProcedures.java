package io.sluice.cli.procedures;

import io.sluice.table.annotation.ArgumentHint;
import io.sluice.table.annotation.ProcedureHint;
import io.sluice.table.annotation.DataTypeHint;
import io.sluice.table.procedure.ProcedureContext;
import io.sluice.table.procedures.Procedure;
import io.sluice.types.Row;

/** The procedures of {@link TestProcedureCatalog}. */
public final class TestProcedures {
    private TestProcedures() {
    }

    /** {@code generate_n(n)}: the numbers 0 to n - 1, one BIGINT column {@code result}. */
    public static final class GenerateSequence implements Procedure {
        public long[] call(ProcedureContext context, int n) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = i;
            }
            return values;
        }
    }

    /** A user: the result columns of {@code generate_user} are its public fields. */
    public static final class User {
        public final String name;
        public final int age;

        User(String name, int age) {
            this.name = name;
            this.age = age;
        }
    }

    /** {@code generate_user(name, age)}: one row (name, age). */
    public static final class GenerateUser implements Procedure {
        public User[] call(ProcedureContext context, String name, int age) {
            return new User[] {new User(name, age)};
        }
    }

    /** {@code describe_args(a, b [, c])}: named and optional arguments; one STRING describing what it received. */
    public static final class DescribeArgs implements Procedure {
        public String[] call(ProcedureContext context,
                @ArgumentHint(name = "a", type = @DataTypeHint("INT")) Integer a,
                @ArgumentHint(name = "b") String b,
                @ArgumentHint(name = "c", isOptional = true) Long c) {
            return new String[] {"a=" + a + ", b=" + b + ", c=" + c};
        }
    }

    /** {@code config_value(key)}: the session's value of a configuration option, or NULL. */
    public static final class ConfigValue implements Procedure {
        public String[] call(ProcedureContext context, String key) {
            return new String[] {context.getConfiguration().toMap().get(key)};
        }
    }

    /** {@code pairs(n)}: n rows (i, 'x' repeated i times), typed by the output hint. */
    @ProcedureHint(output = @DataTypeHint("ROW<i INT, s STRING>"))
    public static final class Pairs implements Procedure {
        public Row[] call(ProcedureContext context, int n) {
            Row[] rows = new Row[n];
            for (int i = 0; i < n; i++) {
                rows[i] = Row.of(i, "x".repeat(i));
            }
            return rows;
        }
    }
}
