-- INSERT into a sink table: the sink node names the target and its columns.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE totals (customer STRING, total DECIMAL(38, 2)) WITH ('connector' = 'blackhole');

EXPLAIN INSERT INTO totals SELECT customer, SUM(amount) FROM orders GROUP BY customer;
