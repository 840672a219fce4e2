package io.sluice.table.annotation;

import io.sluice.table.functions.DataTypeHint;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Name, optionality and SQL type of one argument of a procedure's {@code call} method (on the parameter itself, or
 * listed in {@link ProcedureHint#arguments()}), as Flink's {@code ArgumentHint}. An optional argument may be left out
 * of a {@code CALL} with named arguments; the method then receives {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface ArgumentHint {
    /** The argument's name, used by {@code CALL p(name => value)}; empty when it has none. */
    String name() default "";

    /** Whether a {@code CALL} with named arguments may leave the argument out. */
    boolean isOptional() default false;

    /** The argument's SQL type; an empty value takes the type from the parameter's Java class. */
    DataTypeHint type() default @DataTypeHint();
}
