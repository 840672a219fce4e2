"""PyFlink's ``JdbcCatalog`` (``pyflink.table.catalog``) against a real PostgreSQL server, which the test starts as a
throwaway cluster with the jdbc connector's test script (the server package must be installed)."""

import glob
import os
import subprocess
import unittest

from sluice.table import EnvironmentSettings, TableEnvironment
from sluice.table.catalog import JdbcCatalog, ObjectPath

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "connectors", "jdbc", "src", "test", "scripts", "pg-test-cluster")


def psql_binary():
    if os.environ.get("PG_BIN"):
        return os.path.join(os.environ["PG_BIN"], "psql")
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), key=lambda p: int(p.split("/")[4].split(".")[0]))
    if not found:
        raise RuntimeError("no PostgreSQL found (no /usr/lib/postgresql/<version>/bin/psql): install the "
                           "postgresql package, or set PG_BIN")
    return found[-1]


class JdbcCatalogTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        out = subprocess.run([SCRIPT, "start"], check=True, capture_output=True, text=True).stdout
        cls.cluster = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        cls.psql(None, "CREATE DATABASE shop")
        cls.psql("shop", "CREATE TABLE products (id INT PRIMARY KEY, name TEXT NOT NULL, price NUMERIC(10, 2));"
                         "INSERT INTO products VALUES (1, 'pen', 1.50), (2, 'ink', 7.25);"
                         "CREATE SCHEMA sales; CREATE TABLE sales.totals (name TEXT PRIMARY KEY, total NUMERIC(12, 2))")
        cls.base_url = "jdbc:postgresql://%s:%s/" % (cls.cluster["PGHOST"], cls.cluster["PGPORT"])

    @classmethod
    def tearDownClass(cls):
        subprocess.run([SCRIPT, "stop", cls.cluster["PG_TEST_DIR"]], check=False)

    @classmethod
    def psql(cls, database, sql):
        subprocess.run([psql_binary(), "-v", "ON_ERROR_STOP=1", "-q", "-h", cls.cluster["PGHOST"], "-p",
                        cls.cluster["PGPORT"], "-U", "postgres", "-d", database or "postgres", "-c", sql],
                       check=True, capture_output=True)

    @classmethod
    def query(cls, database, sql):
        return subprocess.run([psql_binary(), "-At", "-h", cls.cluster["PGHOST"], "-p", cls.cluster["PGPORT"], "-U",
                               "postgres", "-d", database, "-c", sql],
                              check=True, capture_output=True, text=True).stdout.split()

    def test_pyflink_jdbc_catalog(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        catalog = JdbcCatalog("my_catalog", "shop", "postgres", "unused", self.base_url)
        with self.assertRaisesRegex(ValueError, "not registered yet"):
            catalog.list_databases()
        t_env.register_catalog("my_catalog", catalog)
        self.assertEqual("shop", catalog.get_default_database())
        self.assertIn("shop", catalog.list_databases())
        self.assertIn("postgres", catalog.list_databases())
        self.assertEqual(["public.products", "sales.totals"], sorted(catalog.list_tables("shop")))
        self.assertTrue(catalog.table_exists(ObjectPath("shop", "public.products")))

        t_env.use_catalog("my_catalog")
        self.assertEqual("shop", t_env.get_current_database())
        with t_env.execute_sql("SELECT id, name, price FROM `public.products` ORDER BY id").collect() as rows:
            self.assertEqual([(1, 'pen', '1.50'), (2, 'ink', '7.25')],
                             [(r[0], r[1], str(r[2])) for r in rows])
        # the table's primary key makes the writes upserts
        t_env.execute_sql("INSERT INTO `sales.totals` SELECT name, price * 2 FROM `public.products`").wait()
        t_env.execute_sql("INSERT INTO `sales.totals` VALUES ('pen', 10)").wait()
        self.assertEqual(["ink|14.50", "pen|10.00"], sorted(self.query("shop", "SELECT name, total FROM sales.totals")))
        self.assertEqual(["my_catalog"], [c for c in t_env.list_catalogs() if c == "my_catalog"])


if __name__ == '__main__':
    unittest.main()
