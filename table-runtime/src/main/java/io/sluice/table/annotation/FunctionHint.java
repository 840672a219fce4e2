package io.sluice.table.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Argument and result types of a user-defined function's {@code eval} (or {@code accumulate}) method, on the method
 * or on the function class (then for every such method without one of its own), as Flink's {@code FunctionHint}:
 * {@code @FunctionHint(arguments = {@ArgumentHint(name = "input", type = @DataTypeHint("STRING")),
 * @ArgumentHint(name = "threshold", isOptional = true)})}. Argument names allow calls with named arguments
 * ({@code f(threshold => 42, input => s)}); an optional argument may then be left out and the method receives
 * {@code null}. A parameter's own hints win over the entries here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FunctionHint {
    /** The SQL types of the arguments, in order (without names); empty to use {@link #arguments()}. */
    DataTypeHint[] input() default @DataTypeHint();

    /** Whether the last argument is a variable-length one (Sluice takes this from the Java method instead). */
    boolean isVarArgs() default false;

    /** The arguments with names, optionality and types, in order. */
    ArgumentHint[] arguments() default {};

    /** Deprecated: names for the {@link #input()} types, as in Flink. */
    @Deprecated
    String[] argumentNames() default {""};

    /** The SQL type of the result; empty to take it from the method's Java return type (or its own hint). */
    DataTypeHint output() default @DataTypeHint();
}
