-- Streaming INSERT of an updating aggregate into a sink with a primary key.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE totals (customer STRING, total DECIMAL(38, 2), PRIMARY KEY (customer) NOT ENFORCED)
  WITH ('connector' = 'blackhole');

EXPLAIN CHANGELOG_MODE INSERT INTO totals SELECT customer, SUM(amount) FROM orders GROUP BY customer;
