package io.sluice.table.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the SQL type of a function parameter (on the parameter), of a function result (on the
 * {@code eval} / {@code getValue} method), or of a table function's rows (on the class or method), in
 * Flink's type syntax: {@code @DataTypeHint("DECIMAL(10, 2)")}, {@code @DataTypeHint("ROW<word STRING,
 * len INT>")}.
 *
 * @deprecated Flink's {@code DataTypeHint} is {@link io.sluice.table.annotation.DataTypeHint} (package
 *     {@code io.sluice.table.annotation}, as {@code org.apache.flink.table.annotation}); this one is still read.
 */
@Deprecated
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface DataTypeHint {
    /**
     * The SQL type, e.g. {@code "DECIMAL(10, 2)"}, {@code "TIMESTAMP(3)"}, {@code "ROW<a INT, b STRING>"}; empty (the
     * default, for the elements of {@link io.sluice.table.annotation.ProcedureHint}) leaves the type undefined.
     */
    String value() default "";
}
