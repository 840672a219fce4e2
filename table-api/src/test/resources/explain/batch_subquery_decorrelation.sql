-- Correlated EXISTS and an IN subquery, decorrelated into joins.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE customers (name STRING, city STRING, tier INT) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/customers.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT c.name FROM customers c
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer = c.name AND o.amount > 10)
  AND c.city IN (SELECT region FROM orders WHERE qty > 1);
