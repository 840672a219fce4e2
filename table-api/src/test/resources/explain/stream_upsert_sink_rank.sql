-- Update-before rows only where a consumer needs them: a Top-N feeding an upsert sink (blackhole takes
-- +I/+U/-D) leaves out -U rows.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING,
  WATERMARK FOR ts AS ts) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE top_orders (customer STRING, id INT, amount DECIMAL(10, 2), rn BIGINT) WITH ('connector' = 'blackhole');
CREATE TABLE latest (customer STRING, id INT, ts TIMESTAMP(3)) WITH ('connector' = 'blackhole');

EXPLAIN CHANGELOG_MODE INSERT INTO top_orders SELECT customer, id, amount, rn FROM (
  SELECT customer, id, amount, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY amount DESC) AS rn FROM orders)
WHERE rn <= 2;
