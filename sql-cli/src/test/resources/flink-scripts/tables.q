# tables.q - CREATE/SHOW/DESCRIBE/ALTER/DROP TABLE.
# Written for Sluice in the format of Flink's SQL-client test scripts; the expected output is what
# Flink's SQL client prints for each statement.

drop table missing_table;
!error

describe missing_table;
!error

alter table if exists missing_table rename to other_table;
[INFO] Execute statement succeeded.
!info

CREATE TABLE IF NOT EXISTS clicks (
 `user` BIGINT NOT NULL,
 url VARCHAR(64),
 hits INT,
 ts TIMESTAMP(3),
 pt AS PROCTIME(),
 PRIMARY KEY(`user`) NOT ENFORCED,
 WATERMARK FOR ts AS ts - INTERVAL '2' SECONDS
) with (
 'connector' = 'datagen'
);
[INFO] Execute statement succeeded.
!info

show tables;
+------------+
| table name |
+------------+
|     clicks |
+------------+
1 row in set
!ok

describe clicks;
+------+-----------------------------+-------+-----------+---------------+----------------------------+
| name |                        type |  null |       key |        extras |                  watermark |
+------+-----------------------------+-------+-----------+---------------+----------------------------+
| user |                      BIGINT | FALSE | PRI(user) |               |                            |
|  url |                 VARCHAR(64) |  TRUE |           |               |                            |
| hits |                         INT |  TRUE |           |               |                            |
|   ts |      TIMESTAMP(3) *ROWTIME* |  TRUE |           |               | `ts` - INTERVAL '2' SECOND |
|   pt | TIMESTAMP_LTZ(3) *PROCTIME* | FALSE |           | AS PROCTIME() |                            |
+------+-----------------------------+-------+-----------+---------------+----------------------------+
5 rows in set
!ok

show columns from clicks like '%s';
+------+------------------------+------+-----+--------+----------------------------+
| name |                   type | null | key | extras |                  watermark |
+------+------------------------+------+-----+--------+----------------------------+
| hits |                    INT | TRUE |     |        |                            |
|   ts | TIMESTAMP(3) *ROWTIME* | TRUE |     |        | `ts` - INTERVAL '2' SECOND |
+------+------------------------+------+-----+--------+----------------------------+
2 rows in set
!ok

# a view passes the time attributes of its table through
create temporary view recent_clicks as select * from clicks;
[INFO] Execute statement succeeded.
!info

describe recent_clicks;
+------+-----------------------------+-------+-----+--------+-----------+
| name |                        type |  null | key | extras | watermark |
+------+-----------------------------+-------+-----+--------+-----------+
| user |                      BIGINT | FALSE |     |        |           |
|  url |                 VARCHAR(64) |  TRUE |     |        |           |
| hits |                         INT |  TRUE |     |        |           |
|   ts |      TIMESTAMP(3) *ROWTIME* |  TRUE |     |        |           |
|   pt | TIMESTAMP_LTZ(3) *PROCTIME* | FALSE |     |        |           |
+------+-----------------------------+-------+-----+--------+-----------+
5 rows in set
!ok

show columns from recent_clicks like '%t%';
+------+-----------------------------+-------+-----+--------+-----------+
| name |                        type |  null | key | extras | watermark |
+------+-----------------------------+-------+-----+--------+-----------+
| hits |                         INT |  TRUE |     |        |           |
|   ts |      TIMESTAMP(3) *ROWTIME* |  TRUE |     |        |           |
|   pt | TIMESTAMP_LTZ(3) *PROCTIME* | FALSE |     |        |           |
+------+-----------------------------+-------+-----+--------+-----------+
3 rows in set
!ok

drop temporary view recent_clicks;
[INFO] Execute statement succeeded.
!info

show columns in clicks like '%z';
Empty set
!ok

create table pages (id INT COMMENT 'page id', title STRING) with ('connector' = 'datagen');
[INFO] Execute statement succeeded.
!info

describe pages;
+-------+--------+------+-----+--------+-----------+---------+
|  name |   type | null | key | extras | watermark | comment |
+-------+--------+------+-----+--------+-----------+---------+
|    id |    INT | TRUE |     |        |           | page id |
| title | STRING | TRUE |     |        |           |         |
+-------+--------+------+-----+--------+-----------+---------+
2 rows in set
!ok

# a connector that is not on the class path is only an error when a query reads or writes the table
create table elsewhere (a INT, b STRING) with ('connector' = 'values');
[INFO] Execute statement succeeded.
!info

select * from elsewhere;
!error

alter table pages rename to web_pages;
[INFO] Execute statement succeeded.
!info

show tables;
+------------+
| table name |
+------------+
|     clicks |
|  elsewhere |
|  web_pages |
+------------+
3 rows in set
!ok

alter table web_pages set ('rows-per-second' = '5');
[INFO] Execute statement succeeded.
!info

alter table web_pages add remark STRING;
[INFO] Execute statement succeeded.
!info

drop table web_pages;
[INFO] Execute statement succeeded.
!info

drop table if exists web_pages;
[INFO] Execute statement succeeded.
!info

drop table elsewhere;
[INFO] Execute statement succeeded.
!info
