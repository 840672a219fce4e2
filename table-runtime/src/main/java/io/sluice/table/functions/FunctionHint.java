package io.sluice.table.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the SQL types of an {@code eval} (or {@code accumulate}) method's arguments on the method itself, as
 * Flink's {@code @FunctionHint(input = {...})}: {@code @FunctionHint(input = {@DataTypeHint("ARRAY<INT>"),
 * @DataTypeHint("MAP<STRING, BIGINT>")})}. A parameter's own {@link DataTypeHint} wins over its entry here. (Useful
 * where parameter annotations are not kept, as in classes compiled at run time.)
 *
 * @deprecated Flink's {@code FunctionHint} is {@link io.sluice.table.annotation.FunctionHint}; this one is still read.
 */
@Deprecated
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FunctionHint {
    /** The types of the SQL arguments, in order (arguments beyond the list have none). */
    DataTypeHint[] input() default {};
}
