-- Sluice quick start: batch SQL over bundled CSV files.
-- Run from the repository root:  bin/sluice-sql -f examples/quickstart.sql

SET 'execution.runtime-mode' = 'batch';

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
  order_time  TIMESTAMP(3)
) WITH (
  'connector' = 'filesystem',
  'path'      = 'examples/data/orders.csv',
  'format'    = 'csv'
);

-- Revenue per customer: join, aggregate, order.
SELECT c.name, c.country, COUNT(*) AS orders, SUM(o.quantity * o.price) AS revenue
FROM orders AS o
JOIN customers AS c ON o.customer_id = c.customer_id
GROUP BY c.name, c.country
ORDER BY revenue DESC;

-- Each customer's orders ranked by value, with a running total (OVER windows).
SELECT customer_id, order_id, quantity * price AS amount,
       RANK() OVER (PARTITION BY customer_id ORDER BY quantity * price DESC) AS rnk,
       SUM(quantity * price) OVER (PARTITION BY customer_id ORDER BY order_time
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total
FROM orders
ORDER BY customer_id, order_time;

-- Customers who never bought a laptop (NOT EXISTS), with string functions.
SELECT UPPER(name) AS name, CHAR_LENGTH(name) AS len, country
FROM customers AS c
WHERE NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = c.customer_id AND o.product LIKE 'laptop%')
ORDER BY name;

-- Orders per day; a missing quantity counts as NULL, not zero.
SELECT CAST(order_time AS DATE) AS order_day, COUNT(*) AS orders, COUNT(quantity) AS with_quantity,
       DATE_FORMAT(MIN(order_time), 'HH:mm') AS first_order
FROM orders
GROUP BY CAST(order_time AS DATE)
ORDER BY order_day;
