package io.sluice.table.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Argument and result types of a procedure's {@code call} methods, on the method or on the procedure class (then
 * for every {@code call} method that has none of its own), as Flink's {@code ProcedureHint}. Every element is
 * optional; what it leaves out comes from the method's Java signature.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(ProcedureHints.class)
public @interface ProcedureHint {
    /** The arguments' SQL types, in order (without names); empty to use {@link #arguments()} or the Java classes. */
    DataTypeHint[] input() default @DataTypeHint();

    /** Whether the last argument is a variable-length one; Sluice does not support such procedures yet. */
    boolean isVarArgs() default false;

    /** The arguments with names, optionality and types, in order. */
    ArgumentHint[] arguments() default {};

    /** Deprecated name of {@link #arguments()}, as in Flink. */
    @Deprecated
    ArgumentHint[] argument() default {};

    /** Deprecated: names for the {@link #input()} types, as in Flink. */
    @Deprecated
    String[] argumentNames() default {""};

    /** The SQL type of one element of the returned array; empty to use the array's component class. */
    DataTypeHint output() default @DataTypeHint();
}
