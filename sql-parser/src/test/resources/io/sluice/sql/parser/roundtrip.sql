== QueryStatement
SELECT * FROM orders
== QueryStatement
select a, b from t where a > 1
== QueryStatement
WITH x AS (SELECT 1 AS a) SELECT a FROM x
== QueryStatement
VALUES (1, 'a'), (2, 'b')
== QueryStatement
(SELECT 1) UNION ALL (SELECT 2)
== QueryStatement
TABLE orders
== QueryStatement
SELECT window_start, window_end, SUM(price) AS total
FROM TABLE(
  TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
== QueryStatement
SELECT /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ id FROM kafka_table
== QueryStatement
SELECT 'it''s; fine', `weird;name` FROM t -- comment at the end
== QueryStatement
SELECT *
FROM Orders o
JOIN Currency FOR SYSTEM_TIME AS OF o.order_time AS c
  ON o.currency = c.currency
== QueryStatement
SELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM clicks
== QueryStatement
SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM t) WHERE rn = 1
== InsertStatement
INSERT INTO sink SELECT * FROM src
== InsertStatement
insert into `my catalog`.db.sink select a, b from src
== InsertStatement
INSERT OVERWRITE sink SELECT * FROM src
== InsertStatement
INSERT INTO sink PARTITION (dt = '2024-01-01', hr = '12') SELECT a, b FROM src
== InsertStatement
INSERT INTO sink PARTITION (dt = '2024-01-01') (a, b) SELECT a, b FROM src
== InsertStatement
INSERT INTO sink (a, b) VALUES (1, 2), (3, 4)
== InsertStatement
INSERT INTO sink (SELECT * FROM src)
== InsertStatement
INSERT INTO sink
WITH w AS (SELECT * FROM src) SELECT * FROM w
== InsertStatement
INSERT OVERWRITE sink PARTITION (p = 1) SELECT x FROM src
== InsertStatement
INSERT INTO sink TABLE src
== CreateTableStatement
CREATE TABLE orders (
  order_id BIGINT,
  price DECIMAL(10, 2),
  buyer STRING,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
)
== CreateTableStatement
CREATE TABLE t (a INT) WITH ('connector' = 'datagen')
== CreateTableStatement
create table if not exists db.t (a int not null, b varchar(20) null) with ('connector' = 'blackhole')
== CreateTableStatement
CREATE TEMPORARY TABLE t (a INT, b STRING) WITH ('connector' = 'print')
== CreateTableStatement
CREATE TABLE cat.db.t (id BIGINT PRIMARY KEY NOT ENFORCED, name STRING) WITH ('connector' = 'jdbc')
== CreateTableStatement
CREATE TABLE t (
  id BIGINT,
  region STRING,
  PRIMARY KEY (id, region) NOT ENFORCED
) WITH ('connector' = 'upsert-kafka')
== CreateTableStatement
CREATE TABLE t (
  id BIGINT,
  CONSTRAINT pk_t PRIMARY KEY (id) NOT ENFORCED
) WITH ('connector' = 'jdbc')
== CreateTableStatement
CREATE TABLE t (id BIGINT CONSTRAINT pk PRIMARY KEY NOT ENFORCED) WITH ('connector' = 'jdbc')
== CreateTableStatement
CREATE TABLE t (
  a INT,
  b INT,
  c AS a + b,
  d AS CAST(a AS STRING) COMMENT 'computed, with comma',
  e AS COALESCE(a, b, 0)
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (
  ts TIMESTAMP(3),
  proc AS PROCTIME(),
  WATERMARK FOR ts AS ts
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE kafka_t (
  `key` STRING,
  `value` STRING,
  `timestamp` TIMESTAMP_LTZ(3) METADATA,
  `offset` BIGINT METADATA VIRTUAL,
  part INT METADATA FROM 'partition' VIRTUAL,
  headers MAP<STRING, BYTES> METADATA FROM 'headers'
) WITH ('connector' = 'kafka')
== CreateTableStatement
CREATE TABLE t (value STRING, timestamp TIMESTAMP(3), day INT, `year` INT, comment STRING) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (
  b BOOLEAN, ti TINYINT, si SMALLINT, i INT, ig INTEGER, bi BIGINT,
  f FLOAT, r REAL, d DOUBLE, dp DOUBLE PRECISION,
  dec1 DECIMAL, dec2 DECIMAL(10), dec3 DEC(5, 2), num NUMERIC(38, 18)
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (
  c CHAR(3), vc VARCHAR(255), vc2 VARCHAR, s STRING,
  bin BINARY(16), vb VARBINARY(100), bts BYTES, dt DATE
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (
  t0 TIME, t3 TIME(3), t3b TIME(3) WITHOUT TIME ZONE,
  ts0 TIMESTAMP, ts9 TIMESTAMP(9), tsw TIMESTAMP(3) WITHOUT TIME ZONE,
  ltz TIMESTAMP(3) WITH LOCAL TIME ZONE, ltz2 TIMESTAMP_LTZ(6), ltz3 TIMESTAMP WITH LOCAL TIME ZONE
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (
  i1 INTERVAL YEAR, i2 INTERVAL YEAR(2) TO MONTH, i3 INTERVAL DAY TO SECOND(3),
  i4 INTERVAL DAY(2) TO HOUR, i5 INTERVAL HOUR TO MINUTE, i6 INTERVAL SECOND(3), i7 INTERVAL MINUTE
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (
  arr ARRAY<INT>,
  arr2 ARRAY<ARRAY<STRING NOT NULL>>,
  m MAP<STRING, INT NOT NULL> NOT NULL,
  ms MULTISET<STRING>,
  r ROW<a INT, b STRING 'the b field', `c d` ARRAY<DOUBLE>>,
  r2 ROW(x INT, y ROW<z BIGINT>),
  r3 ROW<>
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (m MAP<STRING, MAP<STRING, ARRAY<ROW<k INT, v STRING>>>>) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (a INT COMMENT 'the a column', b STRING) COMMENT 'table comment' WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE fs_t (a INT, dt STRING, hr STRING) PARTITIONED BY (dt, hr) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv')
== CreateTableStatement
CREATE TABLE t (a INT) COMMENT 'c' PARTITIONED BY (a) WITH ('connector' = 'filesystem', 'path' = 'file:///tmp/it''s')
== CreateTableStatement
CREATE TABLE t (a INT)
== CreateTableStatement
CREATE TABLE t2 WITH ('topic' = 'other') LIKE t
== CreateTableStatement
CREATE TABLE t2 (extra INT) WITH ('connector' = 'print') LIKE t (EXCLUDING ALL INCLUDING WATERMARKS)
== CreateTableStatement
CREATE TABLE t2 (
  WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE
) WITH ('scan.startup.mode' = 'latest-offset') LIKE cat.db.t (INCLUDING GENERATED EXCLUDING OPTIONS OVERWRITING METADATA)
== CreateTableStatement
CREATE TABLE t2 LIKE t (EXCLUDING PARTITIONS INCLUDING CONSTRAINTS)
== CreateTableStatement
CREATE TABLE `weird name` (`a``b` INT, `sel ect` STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5')
== CreateTableStatement
CREATE TABLE bid (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  channel VARCHAR,
  url VARCHAR,
  `dateTime` TIMESTAMP(3),
  extra VARCHAR,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH ('connector' = 'datagen', 'number-of-rows' = '1000')
== CreateTableStatement
CREATE TABLE t (
  user_id BIGINT,
  ts BIGINT,
  rt AS TO_TIMESTAMP_LTZ(ts, 3),
  WATERMARK FOR rt AS rt - INTERVAL '5' SECOND,
  PRIMARY KEY (user_id) NOT ENFORCED
) WITH ('connector' = 'upsert-kafka', 'key.format' = 'json', 'value.format' = 'json')
== CreateTableStatement
CREATE TABLE t (a INT, b AS CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END COMMENT 'sign') WITH ()
== CreateTableStatement
CREATE TABLE t (
  -- a comment inside
  a INT, /* another */ b INT
) WITH ('connector' = 'datagen')
== CreateTableStatement
CREATE TABLE t (a INT) WITH ('k' = '', 'empty.value' = '', 'quote' = '''')
== CreateTableAsStatement
CREATE TABLE t2 AS SELECT * FROM t
== CreateTableAsStatement
CREATE TABLE t2 WITH ('connector' = 'print') AS SELECT a, b FROM t WHERE a > 1
== CreateTableAsStatement
CREATE TEMPORARY TABLE IF NOT EXISTS t2 WITH ('connector' = 'blackhole') AS
WITH x AS (SELECT 1 AS a) SELECT * FROM x
== CreateTableAsStatement
CREATE TABLE t2 COMMENT 'ctas' PARTITIONED BY (p) WITH ('connector' = 'filesystem') AS SELECT 1 AS a, 'x' AS p
== CreateViewStatement
CREATE VIEW v AS SELECT * FROM t
== CreateViewStatement
CREATE TEMPORARY VIEW IF NOT EXISTS db.v AS SELECT a, COUNT(*) FROM t GROUP BY a
== CreateViewStatement
CREATE VIEW v (x, y) AS SELECT a, b FROM t
== CreateViewStatement
CREATE VIEW v (x) COMMENT 'a view' AS VALUES (1)
== CreateViewStatement
create view `v 1` as
  select *
  from t
== DropTableStatement
DROP TABLE t
== DropTableStatement
DROP TABLE IF EXISTS cat.db.t
== DropTableStatement
DROP TEMPORARY TABLE IF EXISTS t
== DropViewStatement
DROP VIEW v
== DropViewStatement
drop temporary view if exists db.v
== SetStatement
SET 'table.exec.state.ttl' = '1 h'
== SetStatement
SET 'execution.runtime-mode' = 'batch'
== SetStatement
set 'pipeline.name'='it''s a job'
== SetStatement
SET
== ResetStatement
RESET 'table.exec.state.ttl'
== ResetStatement
RESET
== ShowStatement
SHOW TABLES
== ShowStatement
SHOW TABLES FROM cat.db
== ShowStatement
SHOW TABLES IN db LIKE 'ord%'
== ShowStatement
SHOW TABLES NOT LIKE 'tmp%'
== ShowStatement
SHOW VIEWS
== ShowStatement
SHOW DATABASES
== ShowStatement
SHOW DATABASES FROM cat ILIKE 'A%'
== ShowStatement
SHOW CATALOGS
== ShowStatement
SHOW CATALOGS NOT ILIKE 'default%'
== ShowStatement
SHOW FUNCTIONS
== ShowStatement
SHOW USER FUNCTIONS
== ShowStatement
SHOW FUNCTIONS USER
== ShowStatement
SHOW JOBS
== ShowStatement
SHOW JARS
== ShowStatement
SHOW CURRENT CATALOG
== ShowStatement
SHOW CURRENT DATABASE
== ShowStatement
SHOW COLUMNS FROM orders
== ShowStatement
SHOW COLUMNS IN cat.db.orders LIKE '%id'
== ShowStatement
SHOW CREATE TABLE orders
== ShowStatement
SHOW CREATE VIEW db.v
== DescribeStatement
DESCRIBE orders
== DescribeStatement
DESC cat.db.orders
== UseCatalogStatement
USE CATALOG my_catalog
== UseDatabaseStatement
USE db1
== UseDatabaseStatement
USE cat.db1
== UseDatabaseStatement
USE `catalog`
== CreateDatabaseStatement
CREATE DATABASE db1
== CreateDatabaseStatement
CREATE DATABASE IF NOT EXISTS cat.db1 COMMENT 'first db' WITH ('k' = 'v')
== DropDatabaseStatement
DROP DATABASE db1
== DropDatabaseStatement
DROP DATABASE IF EXISTS cat.db1 CASCADE
== DropDatabaseStatement
DROP DATABASE db1 RESTRICT
== CreateCatalogStatement
CREATE CATALOG c1 WITH ('type' = 'generic_in_memory')
== CreateCatalogStatement
CREATE CATALOG IF NOT EXISTS c2 COMMENT 'cat' WITH ('type' = 'jdbc', 'base-url' = 'jdbc:postgresql://localhost:5432')
== DropCatalogStatement
DROP CATALOG c1
== DropCatalogStatement
DROP CATALOG IF EXISTS c1
== CreateFunctionStatement
CREATE FUNCTION f AS 'com.example.F'
== CreateFunctionStatement
CREATE TEMPORARY FUNCTION IF NOT EXISTS db.f AS 'com.example.F' LANGUAGE JAVA
== CreateFunctionStatement
CREATE TEMPORARY SYSTEM FUNCTION f AS 'com.example.F' LANGUAGE scala USING JAR '/tmp/a.jar', JAR 'hdfs:///b.jar'
== CreateFunctionStatement
create function cat.db.f as 'pkg.F' language python
== DropFunctionStatement
DROP FUNCTION f
== DropFunctionStatement
DROP TEMPORARY FUNCTION IF EXISTS db.f
== DropFunctionStatement
DROP TEMPORARY SYSTEM FUNCTION f
== ExplainStatement
EXPLAIN SELECT * FROM t
== ExplainStatement
EXPLAIN PLAN FOR SELECT * FROM t
== ExplainStatement
EXPLAIN CHANGELOG_MODE SELECT a, COUNT(*) FROM t GROUP BY a
== ExplainStatement
EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN, PLAN_ADVICE SELECT * FROM t
== ExplainStatement
EXPLAIN INSERT INTO sink SELECT * FROM src
== ExplainStatement
EXPLAIN EXECUTE INSERT INTO sink SELECT * FROM src
== ExplainStatement
EXPLAIN STATEMENT SET BEGIN
INSERT INTO s1 SELECT * FROM src;
INSERT INTO s2 SELECT * FROM src;
END
== ExplainStatement
EXPLAIN PLAN FOR CHANGELOG_MODE EXECUTE STATEMENT SET BEGIN INSERT INTO s1 SELECT 1; END
== StatementSetStatement
EXECUTE STATEMENT SET
BEGIN
  INSERT INTO s1 SELECT * FROM src WHERE a > 1;
  INSERT INTO s2 SELECT a, CASE WHEN b THEN 'x;y' ELSE 'z' END FROM src;
END
== StatementSetStatement
execute statement set begin insert into s1 select 1; end
== ExecuteStatement
EXECUTE INSERT INTO sink SELECT * FROM src
== ExecuteStatement
EXECUTE SELECT * FROM t
== BeginStatementSetStatement
BEGIN STATEMENT SET
== EndStatementSetStatement
END
== AddJarStatement
ADD JAR '/opt/udfs/my-udf.jar'
== RemoveJarStatement
REMOVE JAR '/opt/udfs/my-udf.jar'
== StopJobStatement
STOP JOB '228d70913eab60dda85c5e7f78b5782c'
== StopJobStatement
STOP JOB 'abc' WITH SAVEPOINT
== StopJobStatement
STOP JOB 'abc' WITH SAVEPOINT WITH DRAIN
== StopJobStatement
STOP JOB 'abc' WITH DRAIN
== ClientCommandStatement
HELP
== ClientCommandStatement
QUIT
== ClientCommandStatement
exit
== ClientCommandStatement
CLEAR
== CreateTableStatement
CREATE TABLE t (a INT);
== SetStatement
  /* leading comment */ SET 'a.b' = 'c' -- trailing
== AlterTableStatement
ALTER TABLE orders RENAME TO orders_v2
== AlterTableStatement
ALTER TABLE IF EXISTS cat.db.orders RENAME amount TO total
== AlterTableStatement
ALTER TABLE orders SET ('k1' = 'a', 'k2' = 'b')
== AlterTableStatement
ALTER TABLE orders RESET ('k1', 'format')
== AlterTableStatement
ALTER TABLE orders ADD note STRING COMMENT 'free text' AFTER id
== AlterTableStatement
ALTER TABLE orders ADD (
  e AS UPPER(c) FIRST,
  WATERMARK FOR d AS d - INTERVAL '2' SECOND,
  f DOUBLE NOT NULL COMMENT 'f is double' AFTER e,
  PRIMARY KEY (a) NOT ENFORCED
)
== AlterTableStatement
ALTER TABLE orders ADD CONSTRAINT pk PRIMARY KEY (id) NOT ENFORCED
== AlterTableStatement
ALTER TABLE orders MODIFY (b BOOLEAN FIRST, e AS a * 2)
== AlterTableStatement
ALTER TABLE orders MODIFY WATERMARK FOR ts AS ts
== AlterTableStatement
ALTER TABLE orders DROP amount
== AlterTableStatement
ALTER TABLE orders DROP (e, a)
== AlterTableStatement
ALTER TABLE orders DROP PRIMARY KEY
== AlterTableStatement
ALTER TABLE orders DROP CONSTRAINT ct
== AlterTableStatement
ALTER TABLE orders DROP WATERMARK
== AlterViewStatement
ALTER VIEW v RENAME TO v2
== AlterViewStatement
ALTER VIEW db.v AS SELECT a FROM t WHERE a > 1
