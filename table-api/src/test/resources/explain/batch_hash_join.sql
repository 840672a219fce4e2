-- Batch equi-join of two file tables with a filter on one side.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE customers (name STRING, city STRING, tier INT) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/customers.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT o.id, c.name, c.city FROM orders o JOIN customers c ON o.customer = c.name WHERE c.tier > 1;
