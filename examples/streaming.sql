-- Sluice streaming example: the same orders as a stream with event time.
-- Run from the repository root:  bin/sluice-sql -f examples/streaming.sql --format csv
-- Every result row starts with its row kind (op): +I insert, -U/+U update, -D delete.

SET 'execution.runtime-mode' = 'streaming';

CREATE TABLE customers (
  customer_id INT,
  name        STRING,
  country     STRING
) WITH (
  'connector' = 'filesystem',
  'path'      = 'examples/data/customers.csv',
  'format'    = 'csv'
);

CREATE TABLE orders (
  order_id    INT,
  customer_id INT,
  product     STRING,
  quantity    INT,
  price       DECIMAL(10, 2),
  order_time  TIMESTAMP(3),
  amount AS quantity * price,
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'filesystem',
  'path'      = 'examples/data/orders.csv',
  'format'    = 'csv'
);

-- Daily revenue: a tumbling event-time window; each day is emitted once, when the watermark passes its end.
SELECT window_start, window_end, COUNT(*) AS orders, SUM(amount) AS revenue
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '1' DAY))
GROUP BY window_start, window_end;

-- Revenue per country: an updating aggregate over a streaming join (-U/+U as totals change).
SELECT c.country, SUM(o.amount) AS revenue
FROM orders o JOIN customers c ON o.customer_id = c.customer_id
GROUP BY c.country;

-- The latest order of each customer: deduplication on event time.
SELECT customer_id, order_id, product, order_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_time DESC) AS rn
  FROM orders)
WHERE rn = 1;
