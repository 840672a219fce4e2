"""TableEnvironment's catalog, module, compiled-plan and dependency APIs, as PyFlink has them."""

import os
import shutil
import tempfile
import unittest
import zipfile

from sluice.common import Configuration
from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.catalog import CatalogDatabase, CatalogDescriptor, HiveCatalog, ObjectPath
from sluice.table.compiled_plan import PlanReference
from sluice.table.expressions import col
from sluice.table.module import HiveModule, Module, ModuleEntry
from sluice.table.udf import udf
from sluice.util.exceptions import ValidationException


def lines(directory):
    out = []
    for root, _, files in os.walk(directory):
        for name in files:
            if not name.startswith("."):
                with open(os.path.join(root, name)) as f:
                    out += [line for line in f.read().splitlines() if line]
    return sorted(out)


class CatalogTest(unittest.TestCase):
    def setUp(self):
        self.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())

    def test_catalogs_and_databases(self):
        t_env = self.t_env
        self.assertEqual('default_catalog', t_env.get_current_catalog())
        self.assertEqual('default_database', t_env.get_current_database())
        config = Configuration()
        config.set_string('type', 'generic_in_memory')
        config.set_string('default-database', 'start')
        t_env.create_catalog('cat', CatalogDescriptor.of('cat', config))
        self.assertEqual(['cat', 'default_catalog'], sorted(t_env.list_catalogs()))
        self.assertIsNone(t_env.get_catalog('nope'))
        catalog = t_env.get_catalog('cat')
        self.assertEqual('start', catalog.get_default_database())
        catalog.create_database('db1', CatalogDatabase.create_instance({}, 'first'))
        catalog.create_database('db1', None, ignore_if_exists=True)
        self.assertTrue(catalog.database_exists('db1'))
        self.assertEqual(['db1', 'start'], sorted(catalog.list_databases()))

        t_env.use_catalog('cat')
        t_env.use_database('db1')
        self.assertEqual(('cat', 'db1'), (t_env.get_current_catalog(), t_env.get_current_database()))
        self.assertEqual(['db1', 'start'], sorted(t_env.list_databases()))
        t_env.execute_sql("CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')")
        t_env.create_view('v', t_env.from_path('t').select(col('a')))
        self.assertEqual(['t', 'v'], sorted(t_env.list_tables()))
        self.assertEqual(['v'], t_env.list_views())
        self.assertEqual(['t', 'v'], sorted(catalog.list_tables('db1')))
        self.assertEqual(['v'], catalog.list_views('db1'))
        self.assertTrue(catalog.table_exists(ObjectPath('db1', 't')))
        catalog.rename_table(ObjectPath.from_string('db1.t'), 't2')
        self.assertFalse(catalog.table_exists(ObjectPath('db1', 't')))
        catalog.drop_table(ObjectPath('db1', 'v'))
        catalog.drop_table(ObjectPath('db1', 'v'), ignore_if_not_exists=True)
        self.assertEqual(['t2'], catalog.list_tables('db1'))

        t_env.create_temporary_function('shout', udf(lambda s: s.upper(), result_type=DataTypes.STRING()))
        self.assertEqual(['shout'], catalog.list_functions('db1'))
        self.assertTrue(catalog.function_exists(ObjectPath('db1', 'shout')))
        self.assertFalse(catalog.function_exists(ObjectPath('db1', 'whisper')))
        t_env.use_catalog('default_catalog')
        with self.assertRaises(ValidationException):
            catalog.drop_database('db1')  # not empty
        catalog.drop_database('db1', cascade=True)
        catalog.drop_database('db1', ignore_if_not_exists=True)
        self.assertEqual(['start'], catalog.list_databases())
        with self.assertRaisesRegex(NotImplementedError, '^not supported yet: '):
            HiveCatalog('hive', 'default', '/etc/hive')
        with self.assertRaisesRegex(NotImplementedError, '^not supported yet: '):
            t_env.register_catalog('h', object())

    def test_modules(self):
        t_env = self.t_env
        self.assertEqual(['core'], t_env.list_modules())
        self.assertEqual([ModuleEntry('core', True)], t_env.list_full_modules())
        t_env.use_modules('core')
        with self.assertRaisesRegex(ValidationException, "already exists"):
            t_env.load_module('core', Module())
        with self.assertRaisesRegex(NotImplementedError, '^not supported yet: '):
            t_env.load_module('hive', HiveModule())
        self.assertIn('UPPER', t_env.list_functions())
        t_env.unload_module('core')
        self.assertEqual([], t_env.list_modules())
        self.assertNotIn('UPPER', t_env.list_functions())
        t_env.load_module('core', Module())
        self.assertEqual([ModuleEntry('core', True)], t_env.list_full_modules())
        self.assertIn('UPPER', t_env.list_functions())


class CompiledPlanTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        self.t_env.execute_sql("CREATE TABLE src (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5', "
                               "'fields.a.kind' = 'sequence', 'fields.a.start' = '1', 'fields.a.end' = '5')")
        self.out = os.path.join(self.dir, "out")
        self.t_env.execute_sql("CREATE TABLE snk (a INT) WITH ('connector' = 'filesystem', 'path' = '%s', "
                               "'format' = 'csv')" % self.out)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_compile_write_load_and_execute(self):
        plan = self.t_env.compile_plan_sql("INSERT INTO snk SELECT a * 10 FROM src")
        self.assertIn('INSERT INTO snk SELECT a * 10 FROM src', plan.as_json_string())
        self.assertIn('Sink(table=[default_catalog.default_database.snk]', plan.explain())
        self.assertEqual('2.3', plan.get_flink_version())
        path = os.path.join(self.dir, "plan.json")
        plan.write_to_file(path)
        plan.write_to_file(path, ignore_if_exists=True)
        with self.assertRaisesRegex(Exception, "already exists"):
            plan.write_to_file(path)

        self.t_env.execute_plan(PlanReference.from_file(path)).wait()
        self.assertEqual(['10', '20', '30', '40', '50'], lines(self.out))
        loaded = self.t_env.load_plan(PlanReference.from_json_string(plan.as_json_string()))
        loaded.execute().wait()
        self.assertEqual(10, len(lines(self.out)))
        self.t_env.execute_plan(PlanReference.from_json_string(plan.as_json_string())).wait()
        self.assertEqual(15, len(lines(self.out)))


class DependencyTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_add_python_file_and_archive(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        module = os.path.join(self.dir, "sluice_test_helper_mod.py")
        with open(module, "w") as f:
            f.write("def shout(s):\n    return s.upper() + '!'\n")
        package = os.path.join(self.dir, "pkgs", "sluice_test_helper_pkg")
        os.makedirs(package)
        with open(os.path.join(package, "__init__.py"), "w") as f:
            f.write("SUFFIX = '?'\n")
        archive = os.path.join(self.dir, "zipped.zip")
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("sluice_test_helper_zip.py", "PREFIX = '>'\n")

        @udf(result_type=DataTypes.STRING())
        def decorate(s):
            import sluice_test_helper_mod
            import sluice_test_helper_pkg
            import sluice_test_helper_zip
            return sluice_test_helper_zip.PREFIX + sluice_test_helper_mod.shout(s) + sluice_test_helper_pkg.SUFFIX

        t = t_env.from_elements([('hi',)], ['s'])
        with self.assertRaisesRegex(Exception, "No module named 'sluice_test_helper_mod'"):
            with t.select(decorate(col('s'))).execute().collect() as results:
                list(results)
        t_env.add_python_file(module)
        t_env.add_python_file(package)
        t_env.add_python_file(archive)
        decorate = udf(decorate._func, result_type=DataTypes.STRING())  # a function made after the calls
        with t.select(decorate(col('s'))).execute().collect() as results:
            self.assertEqual([('>HI!?',)], [tuple(r) for r in results])
        with self.assertRaisesRegex(NotImplementedError, '^not supported yet: '):
            t_env.set_python_requirements(os.path.join(self.dir, "requirements.txt"))
        with self.assertRaisesRegex(NotImplementedError, '^not supported yet: '):
            t_env.add_python_archive(archive)

    def test_pipeline_jars(self):
        t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        jar = os.path.join(self.dir, "empty.jar")
        with zipfile.ZipFile(jar, "w") as z:
            z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
        t_env.get_config().set("pipeline.jars", "file://" + jar)
        with t_env.execute_sql("SHOW JARS").collect() as results:
            self.assertEqual([jar], [r[0] for r in results])
        with self.assertRaisesRegex(ValidationException, "does not exist"):
            t_env.add_jars(os.path.join(self.dir, "missing.jar"))


if __name__ == "__main__":
    unittest.main()
