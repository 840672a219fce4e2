"""ListView and MapView in the accumulators of Python aggregate functions: PyFlink's tests of its data views
(test_udaf.py: the list view concat, the distinct count over a retracting table, clearing a view, iterating and
removing through a map view's keys), renamed."""

import unittest

from sluice.common import Row
from sluice.table import AggregateFunction, DataTypes, EnvironmentSettings, ListView, MapView, TableEnvironment
from sluice.table.udf import udaf


class ListViewConcatAggregateFunction(AggregateFunction):

    def get_value(self, accumulator):
        # the ListView is iterable
        return accumulator[1].join(accumulator[0])

    def create_accumulator(self):
        return Row(ListView(), '')

    def accumulate(self, accumulator, *args):
        accumulator[1] = args[1]
        # the ListView support add, clear and iterate operations.
        accumulator[0].add(args[0])

    def get_accumulator_type(self):
        return DataTypes.ROW([
            # declare the first column of the accumulator as a string ListView.
            DataTypes.FIELD("f0", DataTypes.LIST_VIEW(DataTypes.STRING())),
            DataTypes.FIELD("f1", DataTypes.BIGINT())])

    def get_result_type(self):
        return DataTypes.STRING()


class CountDistinctAggregateFunction(AggregateFunction):

    def get_value(self, accumulator):
        return accumulator[1]

    def create_accumulator(self):
        return Row(MapView(), 0)

    def accumulate(self, accumulator, *args):
        input_str = args[0]
        if accumulator[0].is_empty() or input_str not in accumulator[0] \
                or accumulator[0][input_str] is None:
            accumulator[0][input_str] = 1
            accumulator[1] += 1
        else:
            accumulator[0][input_str] += 1
        if input_str == "clear":
            accumulator[0].clear()
            accumulator[1] = 0

    def retract(self, accumulator, *args):
        input_str = args[0]
        if accumulator[0].is_empty() or input_str not in accumulator[0]:
            return
        accumulator[0].put_all({input_str: accumulator[0][input_str] - 1})
        if accumulator[0][input_str] <= 0:
            accumulator[1] -= 1
            accumulator[0][input_str] = None

    def get_accumulator_type(self):
        return DataTypes.ROW([
            DataTypes.FIELD("f0", DataTypes.MAP_VIEW(DataTypes.STRING(), DataTypes.BIGINT())),
            DataTypes.FIELD("f1", DataTypes.BIGINT())])

    def get_result_type(self):
        return DataTypes.BIGINT()


class IterateAggregateFunction(AggregateFunction):
    """PyFlink's TestIterateAggregateFunction with its four results joined into one string (PyFlink reads them as
    the fields of a ROW result)."""

    def get_value(self, accumulator):
        key_set = [i for i in accumulator[0]]
        key_set.sort()
        value_set = [str(i) for i in accumulator[0].values()]
        value_set.sort()
        item_set = {}
        for key, value in accumulator[0].items():
            item_set[key] = value
        ordered = [(key, str(item_set[key])) for key in key_set]
        return "|".join([",".join(key_set), ",".join(value_set), ",".join(":".join(i) for i in ordered),
                         str(accumulator[1])])

    def create_accumulator(self):
        return Row(MapView(), 0)

    def accumulate(self, accumulator, *args):
        input_str = args[0]
        if input_str not in accumulator[0]:
            accumulator[0][input_str] = 1
            accumulator[1] += 1
        else:
            accumulator[0][input_str] += 1

    def retract(self, accumulator, *args):
        input_str = args[0]
        if input_str not in accumulator[0]:
            return
        accumulator[0][input_str] -= 1
        if accumulator[0][input_str] == 0:
            # the removable iterator
            key_iter = iter(accumulator[0].keys())
            while True:
                try:
                    key = next(key_iter)
                    if key == input_str:
                        key_iter.remove()
                except StopIteration:
                    break
            accumulator[1] -= 1

    def get_accumulator_type(self):
        return DataTypes.ROW([
            DataTypes.FIELD("f0", DataTypes.MAP_VIEW(DataTypes.STRING(), DataTypes.BIGINT())),
            DataTypes.FIELD("f1", DataTypes.BIGINT())])

    def get_result_type(self):
        return DataTypes.STRING()


RETRACTING = [(1, 'Hi_', 'hi'), (1, 'Hi', 'hi'), (2, 'hello', 'hello'), (3, 'Hi_', 'hi'), (3, 'Hi', 'hi'),
              (4, 'hello', 'hello'), (5, 'Hi2_', 'hi'), (5, 'Hi2', 'hi'), (6, 'hello2', 'hello'), (7, 'Hi', 'hi'),
              (8, 'hello', 'hello'), (9, 'Hi2', 'hi'), (13, 'Hi3', 'hi')]


def rows(frame):
    return sorted(tuple(r) for r in frame.itertuples(index=False))


class DataViewTest(unittest.TestCase):
    def setUp(self):
        self.t_env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
        self.t_env.get_config().set("parallelism.default", "1")

    def retracting(self):
        t = self.t_env.from_elements(RETRACTING, ['a', 'b', 'c'])
        self.t_env.create_temporary_view("source", t)
        return self.t_env.sql_query("select LAST_VALUE(b) as b, LAST_VALUE(c) as c from source group by a")

    def test_list_view(self):
        my_concat = udaf(ListViewConcatAggregateFunction())
        t = self.t_env.from_elements([(1, 'Hi', 'Hello'), (3, 'Hi', 'hi'), (3, 'Hi2', 'hi'), (3, 'Hi', 'hi'),
                                      (2, 'Hi', 'Hello'), (1, 'Hi2', 'Hello'), (3, 'Hi3', 'hi'),
                                      (3, 'Hi2', 'Hello'), (3, 'Hi3', 'hi'), (2, 'Hi3', 'Hello')], ['a', 'b', 'c'])
        result = t.group_by(t.c).select(my_concat(t.b, ',').alias("a"), t.c)
        self.assertEqual(rows(result.to_pandas()), [("Hi,Hi,Hi2,Hi2,Hi3", "Hello"), ("Hi,Hi2,Hi,Hi3,Hi3", "hi")])

    def test_map_view(self):
        my_count = udaf(CountDistinctAggregateFunction())
        t = self.retracting()
        result = t.group_by(t.c).select(my_count(t.b).alias("a"), t.c)
        self.assertEqual(rows(result.to_pandas()), [(2, "hello"), (3, "hi")])

    def test_data_view_clear(self):
        my_count = udaf(CountDistinctAggregateFunction())
        t = self.t_env.from_elements([(2, 'hello', 'hello'), (4, 'clear', 'hello'), (6, 'hello2', 'hello'),
                                      (8, 'hello', 'hello')], ['a', 'b', 'c'])
        result = t.group_by(t.c).select(my_count(t.b).alias("a"), t.c)
        self.assertEqual(rows(result.to_pandas()), [(2, "hello")])

    def test_map_view_iterate(self):
        test_iterate = udaf(IterateAggregateFunction())
        t = self.retracting()
        result = t.group_by(t.c).select(test_iterate(t.b).alias("a"), t.c)
        self.assertEqual(rows(result.to_pandas()), [("Hi,Hi2,Hi3|1,2,3|Hi:3,Hi2:2,Hi3:1|3", "hi"),
                                                    ("hello,hello2|1,3|hello:3,hello2:1|2", "hello")])

    def test_views_alone(self):
        view = MapView()
        view.put("a", 1)
        view["b"] = 2
        keys = view.keys()
        for k in keys:
            if k == "a":
                keys.remove()
        self.assertEqual((list(view), view.get("a"), "b" in view, view.is_empty()), (["b"], None, True, False))
        lst = ListView()
        lst.add_all([1, 2])
        lst.add(3)
        self.assertEqual(list(lst.get()), [1, 2, 3])
        lst.clear()
        self.assertEqual(list(lst), [])
        self.assertEqual(DataTypes.LIST_VIEW(DataTypes.STRING()).sql(), "ARRAY<STRING>")


if __name__ == '__main__':
    unittest.main()
