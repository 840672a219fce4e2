"""Catalogs of a TableEnvironment (PyFlink's ``pyflink.table.catalog``): a ``Catalog`` object reads and changes one
catalog of the session through the engine's SQL statements (``SHOW DATABASES FROM``, ``CREATE DATABASE``, ...)."""

__all__ = ['Catalog', 'CatalogDatabase', 'CatalogDescriptor', 'ObjectPath', 'HiveCatalog', 'JdbcCatalog']


def quote(name):
    """An identifier in backticks."""
    return "`%s`" % str(name).replace("`", "``")


def _literal(text):
    return "'%s'" % str(text).replace("'", "''")


class ObjectPath(object):
    """A database name and an object name within a catalog."""

    def __init__(self, database_name, object_name):
        self._database_name = database_name
        self._object_name = object_name

    @staticmethod
    def from_string(full_name):
        parts = full_name.split(".")
        if len(parts) != 2 or not all(parts):
            raise ValueError("Cannot get split '%s' to get database name and object name, with '.' as delimiter."
                             % full_name)
        return ObjectPath(parts[0], parts[1])

    def get_database_name(self):
        return self._database_name

    def get_object_name(self):
        return self._object_name

    def get_full_name(self):
        return "%s.%s" % (self._database_name, self._object_name)

    def __eq__(self, other):
        return isinstance(other, ObjectPath) and self.get_full_name() == other.get_full_name()

    def __hash__(self):
        return hash(self.get_full_name())

    def __str__(self):
        return self.get_full_name()

    __repr__ = __str__


class CatalogDatabase(object):
    """The properties and comment of a database (only the comment reaches the engine's catalogs)."""

    def __init__(self, properties=None, comment=None):
        self._properties = dict(properties or {})
        self._comment = comment

    @staticmethod
    def create_instance(properties, comment=None):
        return CatalogDatabase(properties, comment)

    def get_properties(self):
        return dict(self._properties)

    def get_comment(self):
        return self._comment or ""

    def get_description(self):
        return self._comment

    def get_detailed_description(self):
        return self._comment


class CatalogDescriptor(object):
    """What ``TableEnvironment.create_catalog`` makes a catalog from: its options, among them ``type``
    (``generic_in_memory`` or ``sluice``, a catalog kept in files under ``path``)."""

    def __init__(self, catalog_name, configuration, comment=None):
        self._catalog_name = catalog_name
        self._options = dict(configuration.to_dict() if hasattr(configuration, "to_dict") else configuration)
        self._comment = comment

    @staticmethod
    def of(catalog_name, configuration, comment=None):
        return CatalogDescriptor(catalog_name, configuration, comment)

    def get_catalog_name(self):
        return self._catalog_name

    def get_configuration(self):
        from sluice.common.configuration import Configuration
        c = Configuration()
        for k, v in self._options.items():
            c.set_string(k, v)
        return c

    def get_comment(self):
        return self._comment

    def _create_statement(self, name):
        if "type" not in self._options:
            raise ValueError("a catalog descriptor needs the option 'type' (generic_in_memory or sluice)")
        options = ", ".join("%s = %s" % (_literal(k), _literal(v)) for k, v in self._options.items())
        comment = (" COMMENT " + _literal(self._comment)) if self._comment else ""
        return "CREATE CATALOG %s%s WITH (%s)" % (quote(name), comment, options)


class Catalog(object):
    """One catalog of a TableEnvironment, by name; ``TableEnvironment.get_catalog`` gives it. Each method runs
    SQL statements on the catalog, so it sees what SQL sees."""

    def __init__(self, t_env, name):
        self._t_env = t_env
        self._name = name

    def _rows(self, statement):
        with self._t_env.execute_sql(statement).collect() as results:
            return [tuple(r) for r in results]

    def _db(self, database_name):
        return "%s.%s" % (quote(self._name), quote(database_name))

    def _path(self, object_path):
        return "%s.%s.%s" % (quote(self._name), quote(object_path.get_database_name()),
                             quote(object_path.get_object_name()))

    def get_name(self):
        return self._name

    def get_default_database(self):
        """The database a ``USE CATALOG`` of this catalog starts in."""
        for key, value in self._rows("DESCRIBE CATALOG EXTENDED %s" % quote(self._name)):
            if key in ("default-database", "option:default-database"):
                return value
        databases = self.list_databases()
        return "default_database" if "default_database" in databases or not databases else databases[0]

    def list_databases(self):
        return [r[0] for r in self._rows("SHOW DATABASES FROM %s" % quote(self._name))]

    def database_exists(self, database_name):
        return database_name in self.list_databases()

    def get_database(self, database_name):
        if not self.database_exists(database_name):
            from sluice.util.exceptions import ValidationException
            raise ValidationException("Database %s does not exist in Catalog %s." % (database_name, self._name))
        return CatalogDatabase({}, None)

    def create_database(self, name, catalog_database=None, ignore_if_exists=False):
        comment = catalog_database.get_comment() if catalog_database is not None else ""
        self._t_env.execute_sql("CREATE DATABASE %s%s%s" % ("IF NOT EXISTS " if ignore_if_exists else "",
                                                           self._db(name),
                                                           (" COMMENT " + _literal(comment)) if comment else ""))

    def drop_database(self, name, ignore_if_not_exists=False, cascade=False):
        self._t_env.execute_sql("DROP DATABASE %s%s%s" % ("IF EXISTS " if ignore_if_not_exists else "", self._db(name),
                                                         " CASCADE" if cascade else ""))

    def list_tables(self, database_name):
        """The tables and views of a database (as Flink's ``Catalog.listTables``)."""
        tables = [r[0] for r in self._rows("SHOW TABLES FROM %s" % self._db(database_name))]
        return tables + [v for v in self.list_views(database_name) if v not in tables]

    def list_views(self, database_name):
        return [r[0] for r in self._rows("SHOW VIEWS FROM %s" % self._db(database_name))]

    def table_exists(self, table_path):
        return table_path.get_object_name() in self.list_tables(table_path.get_database_name())

    def drop_table(self, table_path, ignore_if_not_exists=False):
        kind = "VIEW" if table_path.get_object_name() in self.list_views(table_path.get_database_name()) else "TABLE"
        self._t_env.execute_sql("DROP %s %s%s" % (kind, "IF EXISTS " if ignore_if_not_exists else "",
                                                 self._path(table_path)))

    def rename_table(self, table_path, new_table_name, ignore_if_not_exists=False):
        if ignore_if_not_exists and not self.table_exists(table_path):
            return
        self._t_env.execute_sql("ALTER TABLE %s RENAME TO %s" % (self._path(table_path), quote(new_table_name)))

    def list_functions(self, database_name):
        """The user-defined functions of a database."""
        return [r[0] for r in self._rows("SHOW USER FUNCTIONS FROM %s" % self._db(database_name))]

    def function_exists(self, function_path):
        names = [f.lower() for f in self.list_functions(function_path.get_database_name())]
        return function_path.get_object_name().lower() in names

    def drop_function(self, function_path, ignore_if_not_exists=False):
        self._t_env.execute_sql("DROP FUNCTION %s%s" % ("IF EXISTS " if ignore_if_not_exists else "",
                                                       self._path(function_path)))

    def get_table(self, table_path):
        raise NotImplementedError("not supported yet: Catalog.get_table (read the definition with SHOW CREATE TABLE)")

    def create_table(self, table_path, table, ignore_if_exists=False):
        raise NotImplementedError("not supported yet: Catalog.create_table (use TableEnvironment.create_table with "
                                  "a TableDescriptor, or CREATE TABLE)")

    def __repr__(self):
        return "Catalog(%s)" % self._name


class HiveCatalog(object):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: HiveCatalog (Sluice's catalogs are generic_in_memory and "
                                  "sluice)")


class JdbcCatalog(Catalog):
    """A catalog of a PostgreSQL server (PyFlink's ``JdbcCatalog``): its databases are the server's databases, a
    database's tables are its tables and views named ``schema.table``, read and written through the jdbc connector
    (the engine's ``'type' = 'jdbc'`` catalog; read-only for DDL). ``base_url`` is the server's JDBC URL without a
    database, e.g. ``jdbc:postgresql://localhost:5432/``. Register it with ``t_env.register_catalog(name, catalog)``;
    its methods then read the registered catalog."""

    def __init__(self, catalog_name, default_database, username, pwd, base_url):
        for what, value in (("catalog_name", catalog_name), ("default_database", default_database),
                            ("username", username), ("pwd", pwd), ("base_url", base_url)):
            if value is None:
                raise ValueError("JdbcCatalog needs %s" % what)
        super().__init__(None, catalog_name)
        self._default_database = default_database
        self._options = {"type": "jdbc", "base-url": base_url, "default-database": default_database,
                         "username": username, "password": pwd}

    def _create_statement(self, name):
        options = ", ".join("%s = %s" % (_literal(k), _literal(v)) for k, v in self._options.items())
        return "CREATE CATALOG %s WITH (%s)" % (quote(name), options)

    def _registered(self, t_env, name):
        self._t_env = t_env
        self._name = name

    def _rows(self, statement):
        if self._t_env is None:
            raise ValueError("JdbcCatalog '%s' is not registered yet: call t_env.register_catalog(name, catalog) "
                             "first" % self._name)
        return super()._rows(statement)

    def get_default_database(self):
        return self._default_database

    def __repr__(self):
        return "JdbcCatalog(%s, %s)" % (self._name, self._options["base-url"])
