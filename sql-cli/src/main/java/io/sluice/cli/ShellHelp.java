package io.sluice.cli;

/** The text {@code HELP;} prints in the interactive shell. */
final class ShellHelp {
    static final String TEXT = String.join("\n",
            "Statements the shell understands (end each with ';'; Enter before the ';' continues the statement):",
            "",
            "  HELP                              Print this list.",
            "  QUIT, EXIT                        Leave the shell (or press Ctrl-D).",
            "  CLEAR                             Clear the screen.",
            "  SET ['key' = 'value']             Set a session option, or list the options set.",
            "  RESET ['key']                     Reset one session option, or all of them.",
            "  CREATE TABLE | VIEW | FUNCTION | DATABASE | CATALOG ...",
            "  ALTER TABLE | VIEW ...            Change a table or view.",
            "  DROP TABLE | VIEW | FUNCTION | DATABASE | CATALOG ...",
            "  USE [CATALOG] name                Change the current database or catalog.",
            "  SHOW CATALOGS | DATABASES | TABLES | VIEWS | FUNCTIONS | COLUMNS FROM t",
            "  SHOW CREATE TABLE | VIEW name     Print the DDL of a table or view.",
            "  DESCRIBE name                     Print the columns of a table or view.",
            "  EXPLAIN statement                 Print the plan of a query or INSERT.",
            "  SELECT ...                        Run a query; rows are shown in the result mode.",
            "  INSERT INTO t SELECT ...          Start a job in the background.",
            "  BEGIN STATEMENT SET; INSERT ...; END;",
            "                                    Start several INSERTs as one job.",
            "  SHOW JOBS                         List the jobs started in this session.",
            "  STOP JOB 'id' [WITH SAVEPOINT]    Stop a job of this session (after a savepoint).",
            "",
            "Result modes: SET 'sql-client.execution.result-mode' = 'tableau' (default) | 'table' | 'changelog';",
            "stack traces of errors: SET 'sql-client.verbose' = 'true'.",
            "Keys: Tab completes, Ctrl-R searches the history, Ctrl-C stops a running query or drops the input.",
            "");

    private ShellHelp() {
    }
}
