-- UNNEST of two collections zipped by position, WITH ORDINALITY, over an updating input: the Unnest node passes the
-- aggregate's row kinds through.
CREATE TABLE orders (id INT, customer STRING, qty INT, tags ARRAY<STRING>) WITH (
  'connector' = 'datagen', 'number-of-rows' = '10');

EXPLAIN CHANGELOG_MODE SELECT customer, x, y, o
FROM (SELECT customer, ARRAY[COUNT(*)] AS a, ARRAY[SUM(qty), MAX(qty)] AS b FROM orders GROUP BY customer)
CROSS JOIN UNNEST(a, b) WITH ORDINALITY AS u(x, y, o);
