/**
 * The {@code sluice-sql} shell: {@link io.sluice.cli.SqlClient} runs SQL scripts ({@code -i}, {@code -f},
 * {@code -e}, or piped stdin) and a small interactive JLine loop over one
 * {@link io.sluice.table.api.TableEnvironment}. Query results go to stdout in the chosen format; status lines and
 * errors (with the script line and a caret) go to stderr.
 */
package io.sluice.cli;
