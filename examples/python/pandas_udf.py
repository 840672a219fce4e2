"""A vectorized (pandas) Python function and a row-at-a-time one, from the Table API and from SQL
(run: PYTHONPATH=python /usr/bin/python3 examples/python/pandas_udf.py)."""

from sluice.table import DataTypes, EnvironmentSettings, TableEnvironment
from sluice.table.expressions import col
from sluice.table.udf import udf


@udf(result_type=DataTypes.DOUBLE(), func_type="pandas")
def celsius(fahrenheit):
    # receives a pandas.Series, returns one of the same length
    return ((fahrenheit - 32) * 5 / 9).round(1)


@udf(result_type=DataTypes.STRING())
def label(temperature):
    # called once per row with a Python float
    return "hot" if temperature >= 30 else "mild" if temperature >= 15 else "cold"


def main():
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
    readings = t_env.from_elements(
        [('Lisbon', 86.0), ('Oslo', 41.0), ('Cairo', 99.5), ('Dublin', 60.8)], ['city', 'fahrenheit'])

    readings.select(col('city'), celsius(col('fahrenheit')).alias('celsius')) \
        .order_by(col('city')) \
        .execute().print()

    t_env.create_temporary_system_function("celsius", celsius)
    t_env.create_temporary_system_function("label", label)
    t_env.create_temporary_view("readings", readings)
    t_env.execute_sql("SELECT city, label(celsius(fahrenheit)) AS feels FROM readings ORDER BY city").print()


if __name__ == '__main__':
    main()
