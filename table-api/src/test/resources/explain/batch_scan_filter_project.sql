-- Filter and projection over a file scan: only the needed columns are read; the predicate runs in a Calc.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT id, amount * qty AS total FROM orders WHERE region = 'east' AND amount > 5;
