-- Computed columns are evaluated after the scan; only the physical columns are read.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING,
  total AS amount * qty, cust_upper AS UPPER(customer), order_day AS CAST(ts AS DATE)) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT id, total, cust_upper FROM orders WHERE order_day = DATE '2024-01-01';
