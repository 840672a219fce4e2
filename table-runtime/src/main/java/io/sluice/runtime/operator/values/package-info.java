/** A bounded source of literal rows for SQL {@code VALUES} and {@code TableEnvironment.fromValues}. */
package io.sluice.runtime.operator.values;
