"""The methods of PyFlink's ``Expression`` that call SQL built-ins (strings, arrays, maps, hashes, JSON, percentile),
the operators ``abs``/``[]``/attribute access, and those the engine lacks (``NotImplementedError``)."""

import unittest

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expression import (JsonExistsOnError, JsonQueryOnEmptyOrError, JsonQueryWrapper, JsonType,
                                     JsonValueOnEmptyOrError, TimeIntervalUnit)
from sluice.table.expressions import array, col, lit, map_


class ExpressionMethodsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
        cls.t_env.get_config().set("table.local-time-zone", "UTC")
        cls.t = cls.t_env.from_elements([(1, ' Hello, World ', '{"a": 1, "b": [1, 2]}', -2.5)],
                                        ['id', 's', 'j', 'd'])

    def one(self, *expressions):
        with self.t.select(*expressions).execute().collect() as results:
            return tuple(list(results)[0])

    def test_strings(self):
        s = col('s').trim()
        self.assertEqual((True, True, 'Hxllo, World', 2, 3, 4, 8, 9, 'Hello', 'Hello, World!', 'x-1', ['Hello', ' World'],
                          'a b', 'a+b', 'h', 'hi', 'xx', 'Hello, World '),
                         self.one(s.starts_with('Hel'), s.ends_with('ld'), s.translate('e', 'x'), s.regexp_count('o'),
                                  s.regexp_instr('l+'), s.instr('lo'), lit('W').locate(s), lit('o').locate(s, 6),
                                  s.regexp_substr('[A-Z][a-z]+'), s.concat('!'), lit('%s-%d').printf('x', col('id')),
                                  s.split(','), lit('a%20b').url_decode(), lit('a b').url_encode(),
                                  lit('http://h/p?q=1').parse_url('HOST'), lit('xhix').btrim('x'),
                                  lit('xxhi').left(2), col('s').ltrim()))
        self.assertEqual((['1', '2'], ['a1', 'b2'], 'q1', {'a': '1', 'b': '2'}, {'a': '1'}, 'b', b'hi', 'hi'),
                         self.one(lit('a1b2').regexp_extract_all('[a-z](\\d)'),
                                  lit('a1b2').regexp_extract_all('([a-z]\\d)', 0),
                                  lit('http://h/p?q=q1').parse_url('QUERY', 'q'), lit('a=1,b=2').str_to_map(),
                                  lit('a:1').str_to_map(';', ':'), lit(2).elt('a', 'b'), lit('hi').encode('UTF-8'),
                                  lit('hi').encode('UTF-8').decode('UTF-8')))

    def test_hashes_and_hex(self):
        self.assertEqual(('abd37534c7d9a2efb9465de931cd7055ffdb8879563ae98078d6d6d5',
                          '54a59b9f22b0b80880d8427e548b7c23abd873486e1f035dce9cd697e85175033caa88e6d57bc35efae0b5afd3145f31',
                          '1f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f5302860c652bf08d560252aa5e74210546f369fbbbce8c12cfc7957b2652fe9a75',
                          'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb', b'hi'),
                         self.one(lit('a').sha224, lit('a').sha384, lit('a').sha512, lit('a').sha2(256),
                                  lit('6869').unhex))

    def test_arrays_and_maps(self):
        a = array(3, 1, 2)
        self.assertEqual(([3, 1, 2, 4], [0, 3, 1, 2], True, [3, 1, 2], 2, [3, 2], [2, 1, 3], [1, 2], [3, 2],
                          [1, 2, 3], [3, 2, 1], [3, 1, 2, 5], 3, 1, [3, 2], [1], '3-1-2', '3-x-2', 7),
                         self.one(a.array_append(4), a.array_prepend(0), a.array_contains(1),
                                  array(3, 1, 3, 2).array_distinct(), a.array_position(1), a.array_remove(1),
                                  a.array_reverse(), a.array_slice(2), a.array_slice(1, 1).array_concat(array(2)),
                                  a.array_sort(), a.array_sort(False), a.array_concat(array(5)), a.array_max(),
                                  a.array_min(), a.array_except(array(1)), a.array_intersect(array(1, 7)),
                                  a.array_join('-'), array('3', None, '2').array_join('-', 'x'),
                                  array(7).element))
        self.assertEqual(([1, 2, 3], ['a'], [1], {'a': 1, 'b': 2}),
                         self.one(array(1, 2).array_union(array(2, 3)), map_('a', 1).map_keys, map_('a', 1).map_values,
                                  map_('a', 1).map_union(map_('b', 2))))
        values = self.t.select(array(1, 2).alias('arr'), map_('k', 1).alias('m'))
        with values.select(col('arr')[2], col('m')['k']).execute().collect() as results:
            self.assertEqual([(2, 1)], [tuple(r) for r in results])
        entries = self.one(map_('a', 1).map_entries)[0]
        self.assertEqual([('a', 1)], [tuple(e) for e in entries])

    def test_field_access_by_attribute_abs_and_floor(self):
        t = self.t_env.sql_query("SELECT CAST(ROW(1, 'v') AS ROW<n INT, s STRING>) AS r")
        with t.select(col('r').s, col('r').get(0)).execute().collect() as results:
            self.assertEqual([('v', 1)], [tuple(r) for r in results])
        with self.assertRaises(AttributeError):
            col('r')._private
        with self.assertRaises(TypeError):
            list(col('r'))
        self.assertEqual((2.5, -3, -2, 2),
                         self.one(abs(col('d')), col('d').floor(), col('d').ceil(), lit(2.7).floor()))
        self.assertEqual(('2024-05-06 12:00:00',), tuple(str(v) for v in self.one(
            lit('2024-05-06 12:34:56').to_timestamp.floor(TimeIntervalUnit.HOUR))))

    def test_json(self):
        j = col('j')
        self.assertEqual((True, True, False, True, False, True, '1', 1, 5, -1, '[1,2]', '[[1,2]]', '[]', '{}',
                          '"a\\"b"', 'a"b'),
                         self.one(j.is_json(), j.is_json(JsonType.OBJECT), j.is_json(JsonType.ARRAY),
                                  j.json_exists('$.a'), j.json_exists('$.c'),
                                  j.json_exists('strict $.c', JsonExistsOnError.TRUE),
                                  j.json_value('$.a'), j.json_value('$.a', DataTypes.INT()),
                                  j.json_value('lax $.c', DataTypes.INT(), JsonValueOnEmptyOrError.DEFAULT, 5),
                                  j.json_value('strict $.b', DataTypes.INT(), JsonValueOnEmptyOrError.NULL, None,
                                               JsonValueOnEmptyOrError.DEFAULT, -1),
                                  j.json_query('$.b'), j.json_query('$.b', JsonQueryWrapper.UNCONDITIONAL_ARRAY),
                                  j.json_query('lax $.c', JsonQueryWrapper.WITHOUT_ARRAY,
                                               JsonQueryOnEmptyOrError.EMPTY_ARRAY),
                                  j.json_query('strict $.c', JsonQueryWrapper.WITHOUT_ARRAY,
                                               JsonQueryOnEmptyOrError.NULL, JsonQueryOnEmptyOrError.EMPTY_OBJECT),
                                  lit('a"b').json_quote(), lit('"a\\"b"').json_unquote()))

    def test_aggregates(self):
        t = self.t_env.from_elements([(1, 10), (1, 20), (1, 30), (2, 5)], ['k', 'v'])
        with t.group_by(col('k')).select(col('k'), col('v').percentile(0.5), col('v').array_agg,
                                         col('v').percentile(0.5, 2)).execute().collect() as results:
            got = sorted(tuple(r) for r in results)
        self.assertEqual([(1, 20.0, [10, 20, 30], 20.0), (2, 5.0, [5], 5.0)], got)

    def test_json_and_time_functions_of_the_expressions_module(self):
        from sluice.table.expression import JsonOnNull
        from sluice.table.expressions import (convert_tz, current_database, json_array, json_array_agg,
                                              json_object, json_object_agg, json_string, to_timestamp_ltz)
        t = self.t_env.from_elements([('a', 1), ('b', None)], ['k', 'v'])
        with t.select(current_database(), to_timestamp_ltz(0, 0).cast(DataTypes.STRING()),
                      convert_tz('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles'), json_string(col('v')),
                      json_object(JsonOnNull.NULL, 'key', col('v'), lit('x'), col('k')),
                      json_object(JsonOnNull.ABSENT, 'key', col('v')), json_array(JsonOnNull.NULL, col('k'), col('v')),
                      json_array()).execute().collect() as results:
            rows = [tuple(r) for r in results]
        self.assertEqual([('default_database', '1970-01-01 00:00:00.000', '1969-12-31 16:00:00', '1', '{"key":1,"x":"a"}',
                           '{"key":1}', '["a",1]', '[]'),
                          ('default_database', '1970-01-01 00:00:00.000', '1969-12-31 16:00:00', None,
                           '{"key":null,"x":"b"}', '{}', '["b",null]', '[]')], rows)
        with t.group_by(lit(1)).select(json_object_agg(JsonOnNull.NULL, col('k'), col('v')),
                                        json_array_agg(JsonOnNull.ABSENT, col('v'))).execute().collect() as results:
            self.assertEqual([('{"a":1,"b":null}', '[1]')], [tuple(r) for r in results])

    def test_inet(self):
        self.assertEqual((2130706433, '10.0.0.1', None),
                         self.one(lit('127.0.0.1').inet_aton(), lit(167772161).inet_ntoa(),
                                  lit('not an address').inet_aton()))

    def test_raw_json_object_update_and_named_arguments(self):
        from sluice.table.expression import JsonOnNull
        from sluice.table.expressions import call, call_sql, json, json_array, json_object
        self.assertEqual(('{"K":{"K2":42}}', '[{"K2":42},null]'),
                         self.one(json_object(JsonOnNull.NULL, 'K', json('{"K2": 42}')),
                                  json_array(JsonOnNull.NULL, json('{"K2": 42}'), json(''))))
        o = call_sql("OBJECT_OF('com.example.User', 'name', 'Bob', 'age', 14)")
        updated = o.object_update('name', 'Alice', 'age', 15)
        self.assertEqual(('Alice', 15), self.one(updated.get('name'), updated.get('age')))
        # as_argument names the arguments of a user-defined function (here an inline SQL one is not possible:
        # the call of an unknown function fails, which shows the argument was rendered as a named one)
        with self.assertRaisesRegex(Exception, "(?i)nosuchfunction|no match|not found"):
            self.one(call('NoSuchFunction', col('id').as_argument('x')))

    def test_not_supported_yet(self):
        for make in (lambda: array(1).bitmap_build(),):
            with self.assertRaisesRegex(NotImplementedError, "^not supported yet: "):
                make()
        with self.assertRaises(TypeError):
            col('j').is_json('OBJECT')


if __name__ == "__main__":
    unittest.main()
