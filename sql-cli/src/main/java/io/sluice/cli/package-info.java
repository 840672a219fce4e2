/**
 * The {@code sluice-sql} client: {@link io.sluice.cli.SqlClient} runs SQL scripts ({@code -i}, {@code -f},
 * {@code -e}, or piped stdin; results to stdout in the chosen format, status lines and errors with the script line
 * and a caret to stderr) and the interactive JLine shell ({@link io.sluice.cli.InteractiveShell}: multi-line
 * editing, history, completion, highlighting, result modes, session jobs) over one
 * {@link io.sluice.table.api.TableEnvironment}.
 */
package io.sluice.cli;
