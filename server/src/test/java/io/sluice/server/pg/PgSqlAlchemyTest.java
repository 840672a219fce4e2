package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLAlchemy 1.4 with psycopg2 (Debian's python3-sqlalchemy, run by /usr/bin/python3 or $SLUICE_TEST_PYTHON):
 * connecting (the dialect's server checks), pandas.read_sql through an engine, and the inspector's table and column
 * reflection, answered from Sluice's catalogs.
 */
class PgSqlAlchemyTest {
    private static final String PASSWORD = "pw-for-sqlalchemy";
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

    @Test
    void sqlAlchemyReadsAndReflects() throws Exception {
        Path script = dir.resolve("sa.py");
        Files.writeString(script, String.join("\n",
                "import sys, warnings",
                "warnings.simplefilter('ignore')",
                "import pandas, sqlalchemy",
                "from sqlalchemy import text",
                "url = 'postgresql+psycopg2://sluice:%s@127.0.0.1:%s/default_catalog' % (sys.argv[2], sys.argv[1])",
                "engine = sqlalchemy.create_engine(url)",
                "with engine.connect() as c:",
                "    c.execute(text(\"SET 'execution.runtime-mode' = 'batch'\"))",
                "    c.execute(text(\"CREATE TABLE sa_items (id BIGINT NOT NULL, price DECIMAL(10, 2),\"",
                "                   \" name VARCHAR(20), note STRING, ts TIMESTAMP(3), d DATE)\"",
                "                   \" WITH ('connector' = 'blackhole')\"))",
                "    c.execute(text('CREATE VIEW sa_view AS SELECT id, name FROM sa_items'))",
                "    print(c.dialect.server_version_info[:1], c.dialect.default_schema_name)",
                "df = pandas.read_sql(\"SELECT * FROM (VALUES (1, 'x'), (2, 'y')) AS t(a, b)\", engine)",
                "print(list(df.columns), list(df['a']), list(df['b']))",
                "insp = sqlalchemy.inspect(engine)",
                "print('tables', 'sa_items' in insp.get_table_names(), 'sa_view' in insp.get_table_names())",
                "print('views', insp.get_view_names())",
                "print('schemas', 'default_database' in insp.get_schema_names())",
                "for col in insp.get_columns('sa_items'):",
                "    print(col['name'], repr(col['type']), col['nullable'])",
                "print('view cols', [c['name'] for c in insp.get_columns('sa_view')])",
                "print('has', insp.has_table('sa_items'), insp.has_table('no_such'),",
                "      insp.has_table('sa_items', schema='default_database'), insp.has_table('sa_items', schema='x'))",
                "try:",
                "    insp.get_columns('no_such')",
                "except sqlalchemy.exc.NoSuchTableError as e:",
                "    print('no such table', e)",
                ""));
        ProcessBuilder pb = new ProcessBuilder(System.getenv().getOrDefault("SLUICE_TEST_PYTHON", "/usr/bin/python3"),
                script.toString(), String.valueOf(server.pgPort()), PASSWORD);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "python did not finish");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);
        assertEquals(String.join("\n", List.of(
                "(15,) default_database",
                "['a', 'b'] [1, 2] ['x', 'y']",
                "tables True False",
                "views ['sa_view']",
                "schemas True",
                "id BIGINT() False",
                "price NUMERIC(precision=10, scale=2) True",
                "name VARCHAR(length=20) True",
                "note TEXT() True",
                "ts TIMESTAMP(precision=3) True",
                "d DATE() True",
                "view cols ['id', 'name']",
                "has True False True False",
                "no such table no_such",
                "")), stdout);
    }
}
