/** User-defined functions that the SQL-client scripts of {@code FlinkScriptsTest} register by class name. */
package io.sluice.cli.scriptudf;
