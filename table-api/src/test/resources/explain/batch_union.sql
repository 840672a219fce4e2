-- UNION ALL of two branches, then UNION (distinct) with a third.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE customers (name STRING, city STRING, tier INT) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/customers.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT customer AS name FROM orders WHERE region = 'east'
UNION ALL SELECT customer FROM orders WHERE region = 'west'
UNION SELECT name FROM customers;
