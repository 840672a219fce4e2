"""Word count with SQL and with the Table API (run: PYTHONPATH=python /usr/bin/python3 examples/python/word_count.py).

The same program runs on PyFlink after renaming the module sluice -> pyflink.
"""

from sluice.table import EnvironmentSettings, TableEnvironment
from sluice.table.expressions import col, lit

LINES = [
    "To be, or not to be, that is the question",
    "Whether tis nobler in the mind to suffer",
    "The slings and arrows of outrageous fortune",
    "Or to take arms against a sea of troubles",
]


def main():
    t_env = TableEnvironment.create(EnvironmentSettings.in_batch_mode())
    t_env.get_config().set("parallelism.default", "1")

    # one row per word, cleaned and lower-cased by Table API expressions
    words = t_env.from_elements([(w,) for line in LINES for w in line.split()], ['raw'])
    t_env.create_temporary_view("words", words.select(
        col('raw').regexp_replace('[^a-zA-Z]', '').lower_case.alias('word')))

    print("SQL:")
    t_env.execute_sql("""
        SELECT word, COUNT(*) AS cnt FROM words
        GROUP BY word HAVING COUNT(*) > 1
        ORDER BY cnt DESC, word
    """).print()

    print("Table API:")
    t_env.from_path("words") \
        .group_by(col('word')) \
        .select(col('word'), lit(1).count.alias('cnt')) \
        .filter(col('cnt') > 1) \
        .order_by(col('cnt').desc, col('word').asc) \
        .execute().print()


if __name__ == '__main__':
    main()
