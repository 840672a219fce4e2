"""Table API to pandas and back (run: PYTHONPATH=python /usr/bin/python3 examples/python/table_to_pandas.py)."""

import pandas as pd

from sluice.table import EnvironmentSettings, TableEnvironment
from sluice.table.expressions import col


def main():
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())

    # a DataFrame becomes a table; column types come from the dtypes
    orders = pd.DataFrame({
        'customer': ['alice', 'bob', 'alice', 'carol', 'bob'],
        'amount': [12.5, 3.0, 7.5, None, 4.0],
        'ts': pd.to_datetime(['2024-05-01 10:00', '2024-05-01 11:30', '2024-05-02 09:15',
                              '2024-05-02 10:00', '2024-05-03 16:45']),
    })
    table = t_env.from_pandas(orders)
    table.print_schema()

    # aggregate with the Table API, then continue in pandas
    totals = table.filter(col('amount').is_not_null) \
        .group_by(col('customer')) \
        .select(col('customer'), col('amount').sum.alias('total'), col('ts').max.alias('last_order')) \
        .to_pandas() \
        .sort_values('customer') \
        .reset_index(drop=True)
    print(totals)
    print(totals.dtypes.to_string())


if __name__ == '__main__':
    main()
