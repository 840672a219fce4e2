-- JSON_EXECUTION_PLAN on an INSERT at parallelism 2: a JSON job graph with parallelism and hash partitioning.
SET 'parallelism.default' = '2';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE totals (customer STRING, total DECIMAL(38, 2)) WITH ('connector' = 'blackhole');

EXPLAIN JSON_EXECUTION_PLAN INSERT INTO totals SELECT customer, SUM(amount) FROM orders GROUP BY customer;
