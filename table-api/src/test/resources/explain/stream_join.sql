-- Regular streaming join of two append-only inputs, with changelog modes.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE customers (name STRING, city STRING, tier INT) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/customers.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT o.id, c.name, c.city FROM orders o JOIN customers c ON o.customer = c.name;
