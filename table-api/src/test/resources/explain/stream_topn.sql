-- Top-N per group from a ROW_NUMBER filter.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT * FROM (
  SELECT id, region, amount, ROW_NUMBER() OVER (PARTITION BY region ORDER BY amount DESC) AS rn FROM orders
) WHERE rn <= 2;
