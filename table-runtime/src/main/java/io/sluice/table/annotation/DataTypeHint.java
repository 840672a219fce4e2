package io.sluice.table.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the SQL type of a function parameter (on the parameter), of a function result (on the {@code eval} /
 * {@code getValue} method), or of a table function's rows (on the class or method), in Flink's type syntax, as Flink's
 * {@code DataTypeHint}: {@code @DataTypeHint("DECIMAL(10, 2)")}, {@code @DataTypeHint("ROW<word STRING, len INT>")}.
 * Sluice reads the type string only (Flink's other elements, such as {@code bridgedTo}, are not supported yet).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface DataTypeHint {
    /**
     * The SQL type, e.g. {@code "DECIMAL(10, 2)"}, {@code "TIMESTAMP(3)"}, {@code "ROW<a INT, b STRING>"}; empty (the
     * default, for the elements of {@link FunctionHint}, {@link ArgumentHint} and {@link ProcedureHint}) leaves the
     * type undefined.
     */
    String value() default "";
}
