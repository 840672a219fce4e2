package io.sluice.table.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Name, optionality and SQL type of one argument of a function's {@code eval} method or a procedure's {@code call}
 * method (on the parameter itself, or listed in {@link FunctionHint#arguments()} / {@link ProcedureHint#arguments()}),
 * as Flink's {@code ArgumentHint}. An optional argument may be left out of a call with named arguments
 * ({@code f(name => value)}); the method then receives {@code null}. Flink's argument traits (for process table
 * functions) are not supported yet.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface ArgumentHint {
    /** The argument's name, used by {@code f(name => value)} and {@code CALL p(name => value)}; empty: none. */
    String name() default "";

    /** Whether a call with named arguments may leave the argument out (not for primitive Java parameters). */
    boolean isOptional() default false;

    /** The argument's SQL type; an empty value takes the type from the parameter's Java class. */
    DataTypeHint type() default @DataTypeHint();
}
