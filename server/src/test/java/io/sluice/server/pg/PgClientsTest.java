package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command-line and Python clients against a server with a password: {@code psql} (Debian's
 * postgresql-client) and psycopg2 + pandas (Debian's python3-psycopg2 and python3-pandas, run by /usr/bin/python3).
 */
class PgClientsTest {
    private static final String PASSWORD = "pw-for-clients";
    private static SluiceServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, -1).withPassword(PASSWORD));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result run(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PGPASSWORD", password);
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "client did not finish: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result psql(String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                String.valueOf(server.pgPort()), "-U", "sluice", "-d", "default_catalog", "-v", "ON_ERROR_STOP=1",
                "-A", "-F", ","));
        cmd.addAll(List.of(args));
        return run(cmd, password);
    }

    @Test
    void psqlRunsSeveralStatementsInOneQuery() throws Exception {
        Result r = psql(PASSWORD, "-c", "SET 'execution.runtime-mode' = 'batch'; "
                + "CREATE TEMPORARY VIEW v AS SELECT * FROM (VALUES (1, 'a;b'), (2, CAST(NULL AS STRING))) AS t(k, s); "
                + "SELECT k, s FROM v ORDER BY k");
        assertEquals(0, r.exitCode(), r.stderr());
        // psql 15 prints every statement's outcome: command tags, then the rows
        assertEquals("SET\nCREATE VIEW\nk,s\n1,a;b\n2,\n(2 rows)\n", r.stdout());
    }

    @Test
    void psqlShowsErrorsWithTheirPosition() throws Exception {
        Result r = psql(PASSWORD, "-c", "SELECT 1 FROM WHERE");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("ERROR:") && r.stderr().contains("LINE 1: SELECT 1 FROM WHERE"), r.stderr());
    }

    @Test
    void psqlListsTables() throws Exception {
        Result create = psql(PASSWORD, "-c", "CREATE TABLE IF NOT EXISTS psql_listed (id INT) WITH ('connector' = 'blackhole')");
        assertEquals(0, create.exitCode(), create.stderr());
        Result r = psql(PASSWORD, "-c", "\\dt");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("default_database,psql_listed,table,sluice"), r.stdout());
    }

    @Test
    void psqlDescribesATable() throws Exception {
        Result create = psql(PASSWORD, "-c", "CREATE TABLE IF NOT EXISTS psql_described (id BIGINT NOT NULL, "
                + "price DECIMAL(10, 2), name VARCHAR(20)) WITH ('connector' = 'blackhole')");
        assertEquals(0, create.exitCode(), create.stderr());
        Result r = psql(PASSWORD, "-c", "\\d psql_described");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("Table \"default_database.psql_described\"\n"
                + "Column,Type,Collation,Nullable,Default\n"
                + "id,bigint,,not null,\n"
                + "price,numeric(10,2),,,\n"
                + "name,character varying(20),,,\n", r.stdout());
    }

    @Test
    void psqlWithWrongPasswordFails() throws Exception {
        Result r = psql("wrong", "-c", "SELECT 1");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("password authentication failed for user \"sluice\""), r.stderr());
    }

    @Test
    void psycopg2AndPandasReadSql() throws Exception {
        Path script = dir.resolve("client.py");
        Files.writeString(script, String.join("\n",
                "import sys, warnings",
                "import psycopg2, pandas",
                "warnings.simplefilter('ignore')",
                "conn = psycopg2.connect(host='127.0.0.1', port=int(sys.argv[1]), user='sluice',",
                "                        password=sys.argv[2], dbname='default_catalog')",
                "cur = conn.cursor()",
                "cur.execute(\"SET 'execution.runtime-mode' = 'batch'\")",
                "cur.execute('SELECT CAST(%s AS INT) + 1 AS n, %s AS s', (41, \"it's\"))",
                "print(cur.fetchall())",
                "try:",
                "    cur.execute('SELECT * FROM no_such_table')",
                "except psycopg2.Error as e:",
                "    print('error', e.pgcode)",
                "    conn.rollback()",
                "df = pandas.read_sql('SELECT * FROM (VALUES (1, 2.5), (2, 3.5)) AS t(a, b)', conn)",
                "print(list(df.columns), df['a'].sum(), df['b'].sum(), df.dtypes['a'])",
                "cur.execute(\"CREATE TABLE py_rows (id INT, price DECIMAL(10, 2), d DATE, ts TIMESTAMP(3),\"",
                "            \" name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5',\"",
                "            \" 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5')\")",
                "conn.commit()",
                "# pandas turns numeric (Decimal) columns into float64 (its coerce_float default)",
                "df = pandas.read_sql('SELECT id, price, d, ts, name FROM py_rows ORDER BY id', conn)",
                "print(list(df['id']), type(df['price'][0]).__name__, type(df['d'][0]).__name__,",
                "      df.dtypes['ts'], df.dtypes['name'])",
                "cur.execute(\"SET 'execution.runtime-mode' = 'streaming'\")",
                "df = pandas.read_sql('SELECT id FROM py_rows', conn)",
                "print(list(df.columns), sorted(df['id']), set(df['op']))",
                "conn.close()",
                ""));
        Result r = run(List.of("/usr/bin/python3", script.toString(), String.valueOf(server.pgPort()), PASSWORD),
                PASSWORD);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("[(42, \"it's\")]\nerror 42P01\n['a', 'b'] 3 6.0 int64\n"
                + "[1, 2, 3, 4, 5] float64 date datetime64[ns] object\n"
                + "['op', 'id'] [1, 2, 3, 4, 5] {'+I'}\n", r.stdout());
    }
}
