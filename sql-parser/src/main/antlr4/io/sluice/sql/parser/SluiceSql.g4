/*
 * Statement-layer grammar of Sluice's Flink SQL dialect.
 *
 * Only the statement structure is parsed here. Queries (SELECT, WITH, VALUES, TABLE, parenthesised) and
 * expressions (computed columns, watermark expressions) are matched as opaque token runs; the AST keeps
 * their original text and position so that the planner can parse them with Calcite.
 *
 * Keywords are case-insensitive; identifiers keep their case. Most keywords are non-reserved and may be
 * used as identifiers (see `nonReserved`).
 */
grammar SluiceSql;

options { caseInsensitive = true; }

// ---------------------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------------------

singleStatement : statement SEMICOLON? EOF ;

// An option key or value of SET/RESET written without quotes, as Flink accepts it (SET table.dml-sync = true):
// the tokens up to '=' (a key) or up to the end (a value), joined without the blanks between them.
bareOptionKey : ~(STRING | EQ | SEMICOLON) ~(EQ | SEMICOLON)* ;
bareOptionValue : ~(STRING | EQ | SEMICOLON) ~(EQ | SEMICOLON)* ;

statement
    : query                                                                   #queryStatement
    | insertStatement                                                         #insert
    | CREATE TEMPORARY? SYSTEM? createTarget                                  #create
    | REPLACE replaceTableBody                                                #replaceTableAs
    | DROP TEMPORARY? SYSTEM? dropTarget                                      #drop
    | ALTER alterTarget                                                       #alter
    | SET (key=STRING EQ value=STRING | bareKey=bareOptionKey EQ (value=STRING | bareValue=bareOptionValue))?  #set
    | RESET (key=STRING | bareKey=bareOptionKey)?                             #reset
    | SHOW showTarget                                                         #show
    | (DESCRIBE | DESC) describeTarget                                        #describe
    | LOAD MODULE identifier withOptions?                                     #loadModule
    | UNLOAD MODULE identifier                                                #unloadModule
    | USE (CATALOG identifier | MODULES identifier (COMMA identifier)* | objectName)  #use
    | EXPLAIN (UPGRADE FROM (JOB jobId=STRING | path=STRING) | ANALYZE | (PLAN FOR)? (explainDetail (COMMA explainDetail)*)?)
        explainable                                                           #explain
    | EXECUTE PLAN path=STRING                                                #executePlan
    | EXECUTE executable                                                      #execute
    | COMPILE (AND EXECUTE)? PLAN path=STRING ifNotExists? FOR (statementSet | insertStatement)  #compilePlan
    | BEGIN STATEMENT SET                                                     #beginStatementSet
    | END                                                                     #endStatementSet
    | ADD JAR path=STRING                                                     #addJar
    | REMOVE JAR path=STRING                                                  #removeJar
    | STOP JOB jobId=STRING (WITH (SAVEPOINT | DRAIN))*                       #stopJob
    | TRUNCATE TABLE objectName                                               #truncateTable
    | DELETE FROM objectName (WHERE condition)?                               #deleteFrom
    | UPDATE objectName SET assignment (COMMA assignment)* (WHERE condition)? #update
    | CALL objectName LPAREN (callArgument (COMMA callArgument)*)? RPAREN     #call
    | HELP                                                                    #help
    | (QUIT | EXIT)                                                           #quit
    | CLEAR                                                                   #clear
    ;

// The condition of DELETE / UPDATE: everything up to the end of the statement, parsed by Calcite.
condition : (~SEMICOLON)+ ;

// UPDATE's column = expression; the expression ends at ',' or WHERE at depth 0.
assignment : identifier EQ assignmentValue ;
assignmentValue : assignmentPart+ ;
assignmentPart
    : LPAREN nestedExpressionPart* RPAREN
    | ~(LPAREN | RPAREN | COMMA | SEMICOLON | WHERE)
    ;

// A CALL argument, positional or named (name => value).
callArgument : (argName=identifier EQ GT)? expression ;

// The query is passed through: everything up to the end of the statement (or the next ';').
query : (SELECT | WITH | VALUES | LPAREN | TABLE) (~SEMICOLON)* ;

insertStatement
    : INSERT (INTO | OVERWRITE) objectName partitionSpec? columnList? query
    ;

partitionSpec : PARTITION LPAREN partitionValue (COMMA partitionValue)* RPAREN ;

partitionValue : identifier EQ literal ;

literal : STRING | MINUS? (INTEGER_VALUE | DECIMAL_VALUE) | identifier ;

statementSet : STATEMENT SET BEGIN (insertStatement SEMICOLON)+ END ;

executable
    : statementSet
    | insertStatement
    | query
    ;

explainable
    : EXECUTE? statementSet
    | EXECUTE? insertStatement
    | EXECUTE? query
    ;

explainDetail : ESTIMATED_COST | CHANGELOG_MODE | JSON_EXECUTION_PLAN | PLAN_ADVICE ;

// DESCRIBE [EXTENDED] table, DESCRIBE CATALOG [EXTENDED] catalog, DESCRIBE FUNCTION [EXTENDED] function.
describeTarget : (CATALOG | FUNCTION)? EXTENDED? objectName ;

// ---------------------------------------------------------------------------------------------------------
// CREATE / DROP
// ---------------------------------------------------------------------------------------------------------

createTarget
    : TABLE ifNotExists? objectName (tableElements | columnList)? commentClause? partitionedBy? withOptions?
        (likeClause | AS query)?                                                                     #createTable
    | VIEW ifNotExists? objectName columnList? commentClause? AS query                              #createView
    | OR REPLACE replaceTableBody                                                                    #createOrReplaceTable
    | DATABASE ifNotExists? objectName commentClause? withOptions?                                   #createDatabase
    | CATALOG ifNotExists? identifier commentClause? withOptions                                     #createCatalog
    | FUNCTION ifNotExists? objectName AS className=STRING (LANGUAGE language=identifier)?
        (USING jarList)?                                                                             #createFunction
    | (OR ALTER)? MATERIALIZED TABLE ifNotExists? objectName (LPAREN tableConstraint RPAREN)? commentClause?
        partitionedBy? withOptions? freshness? refreshMode? AS query                                 #createMaterializedTable
    ;

// FRESHNESS = INTERVAL '<num>' <unit>; the unit is checked when the statement runs (SECOND, MINUTE, HOUR or DAY).
freshness : FRESHNESS EQ INTERVAL MINUS? value=STRING unit=identifier ;

refreshMode : REFRESH_MODE EQ (CONTINUOUS | FULL) ;

// RTAS: [CREATE OR] REPLACE TABLE ... AS query
replaceTableBody
    : TABLE objectName (tableElements | columnList)? commentClause? partitionedBy? withOptions? AS query
    ;

dropTarget
    : TABLE ifExists? objectName                                                                     #dropTable
    | VIEW ifExists? objectName                                                                      #dropView
    | DATABASE ifExists? objectName (RESTRICT | CASCADE)?                                            #dropDatabase
    | CATALOG ifExists? identifier                                                                   #dropCatalog
    | FUNCTION ifExists? objectName                                                                  #dropFunction
    | MATERIALIZED TABLE ifExists? objectName                                                        #dropMaterializedTable
    ;

// ---------------------------------------------------------------------------------------------------------
// ALTER TABLE
// ---------------------------------------------------------------------------------------------------------

alterTarget
    : TABLE ifExists? objectName alterTableAction                                                    #alterTable
    | VIEW viewName=objectName (RENAME TO newName=objectName | AS query)                             #alterView
    | CATALOG identifier alterCatalogAction                                                          #alterCatalog
    | DATABASE objectName SET LPAREN option (COMMA option)* RPAREN                                   #alterDatabase
    | TEMPORARY? SYSTEM? FUNCTION ifExists? objectName AS className=STRING
        (LANGUAGE language=identifier)?                                                              #alterFunction
    | MATERIALIZED TABLE objectName (SUSPEND | RESUME withOptions? | REFRESH partitionSpec? | AS query) #alterMaterializedTable
    ;

alterCatalogAction
    : SET LPAREN option (COMMA option)* RPAREN                                                       #setCatalogOptions
    | RESET LPAREN (STRING (COMMA STRING)*)? RPAREN                                                   #resetCatalogOptions
    | COMMENT STRING                                                                                  #commentCatalog
    ;

alterTableAction
    : RENAME (TO objectName | from=identifier TO to=identifier)                                      #rename
    | SET LPAREN option (COMMA option)* RPAREN                                                        #setTableOptions
    | RESET LPAREN (STRING (COMMA STRING)*)? RPAREN                                                   #resetTableOptions
    | (ADD | MODIFY) (alterElement | LPAREN alterElement (COMMA alterElement)* RPAREN)                #addOrModify
    | DROP (PRIMARY KEY | CONSTRAINT identifier | WATERMARK | columnList | identifier)                 #dropFromTable
    ;

// A schema component of ADD / MODIFY: a column (optionally placed FIRST or AFTER another), a watermark or a key.
alterElement
    : columnDefinition columnPosition?
    | watermarkDefinition
    | tableConstraint
    ;

columnPosition : FIRST | AFTER identifier ;

ifNotExists : IF NOT EXISTS ;
ifExists : IF EXISTS ;

jarList : JAR STRING (COMMA JAR STRING)* ;

tableElements : LPAREN tableElement (COMMA tableElement)* RPAREN ;

tableElement
    : columnDefinition
    | watermarkDefinition
    | tableConstraint
    ;

// Physical (`a INT`), computed (`a AS expr`) or metadata (`a INT METADATA FROM 'k' VIRTUAL`) column.
columnDefinition
    : identifier (AS expression | dataType (metadataSpec | columnConstraint)?) commentClause?
    ;

metadataSpec : METADATA (FROM metadataKey=STRING)? VIRTUAL? ;

columnConstraint : (CONSTRAINT identifier)? PRIMARY KEY enforcement? ;

tableConstraint : (CONSTRAINT identifier)? PRIMARY KEY columnList enforcement? ;

enforcement : NOT ENFORCED | ENFORCED ;

watermarkDefinition : WATERMARK FOR identifier AS expression ;

commentClause : COMMENT STRING ;

partitionedBy : PARTITIONED BY columnList ;

withOptions : WITH LPAREN (option (COMMA option)*)? RPAREN ;

option : key=STRING EQ value=STRING ;

likeClause : LIKE objectName (LPAREN likeOption* RPAREN)? ;

likeOption
    : strategy=(INCLUDING | EXCLUDING | OVERWRITING)
      feature=(ALL | CONSTRAINTS | PARTITIONS | OPTIONS | WATERMARKS | GENERATED | METADATA)
    ;

columnList : LPAREN identifier (COMMA identifier)* RPAREN ;

// Computed column and watermark expressions: balanced token runs, ended by ',' ')' or COMMENT at depth 0.
expression : expressionPart+ ;

expressionPart
    : LPAREN nestedExpressionPart* RPAREN
    | ~(LPAREN | RPAREN | COMMA | COMMENT | SEMICOLON | FIRST | AFTER)
    ;

nestedExpressionPart
    : LPAREN nestedExpressionPart* RPAREN
    | ~(LPAREN | RPAREN | SEMICOLON)
    ;

// ---------------------------------------------------------------------------------------------------------
// SHOW
// ---------------------------------------------------------------------------------------------------------

showTarget
    : TABLES showFrom? showLike?                                                                     #showTables
    | VIEWS showFrom? showLike?                                                                      #showViews
    | DATABASES showFrom? showLike?                                                                  #showDatabases
    | CATALOGS showLike?                                                                             #showCatalogs
    | USER? FUNCTIONS USER? showFrom? showLike?                                                      #showFunctions
    | JOBS                                                                                           #showJobs
    | JARS                                                                                           #showJars
    | CURRENT (CATALOG | DATABASE)                                                                   #showCurrent
    | COLUMNS showFrom showLike?                                                                     #showColumns
    | CREATE (TABLE | VIEW | CATALOG | MATERIALIZED TABLE) objectName                                #showCreate
    | MATERIALIZED TABLES showFrom? showLike?                                                        #showMaterializedTables
    | FULL? MODULES                                                                                  #showModules
    | PROCEDURES showFrom? showLike?                                                                 #showProcedures
    ;

showFrom : (FROM | IN) objectName ;

showLike : NOT? (LIKE | ILIKE) pattern=STRING ;

// ---------------------------------------------------------------------------------------------------------
// Data types
// ---------------------------------------------------------------------------------------------------------

dataType : typeBody nullability? ;

nullability : NOT NULL | NULL ;

typeBody
    : (ARRAY | MULTISET) LT dataType GT                                                              #collectionType
    | MAP LT dataType COMMA dataType GT                                                              #mapType
    | ROW LT (rowField (COMMA rowField)*)? GT                                                        #rowType
    | ROW LPAREN (rowField (COMMA rowField)*)? RPAREN                                                 #rowParenType
    | TIMESTAMP typePrecision? (WITHOUT TIME ZONE | WITH LOCAL TIME ZONE)?                           #timestampType
    | TIME typePrecision? (WITHOUT TIME ZONE)?                                                       #timeType
    | INTERVAL from=intervalUnit fromPrecision=typePrecision?
        (TO to=intervalUnit toPrecision=typePrecision?)?                                             #intervalType
    | name=IDENTIFIER PRECISION? typeParameters?                                                     #namedType
    ;

typePrecision : LPAREN INTEGER_VALUE RPAREN ;

typeParameters : LPAREN INTEGER_VALUE (COMMA INTEGER_VALUE)? RPAREN ;

rowField : identifier dataType description=STRING? ;

intervalUnit : YEAR | MONTH | DAY | HOUR | MINUTE | SECOND ;

// ---------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------

objectName : identifier (DOT identifier)* ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReserved
    ;

// Keywords that may also be used as plain identifiers (e.g. a column named `value`, `timestamp` or `day`).
nonReserved
    : ADD | AFTER | ALL | ANALYZE | ARRAY | BEGIN | CASCADE | CATALOG | CATALOGS | CHANGELOG_MODE | CLEAR | COLUMNS | COMMENT
    | COMPILE
    | CONSTRAINTS | CURRENT | DATABASE | DATABASES | DAY | DESC | DESCRIBE | DRAIN | END | ENFORCED
    | CONTINUOUS | FRESHNESS | MATERIALIZED | REFRESH | REFRESH_MODE | RESUME | SUSPEND
    | ESTIMATED_COST | EXCLUDING | EXECUTE | EXISTS | EXIT | EXPLAIN | EXTENDED | FIRST | FULL | FUNCTION
    | FUNCTIONS | GENERATED | LOAD | MODULE | MODULES | PROCEDURES | UNLOAD | CALL | DELETE | TRUNCATE | UPDATE
    | HELP | HOUR | IF | INCLUDING | INTERVAL | JAR | JARS | JOB | JOBS | JSON_EXECUTION_PLAN | KEY
    | LANGUAGE | LOCAL | MAP | METADATA | MINUTE | MODIFY | MONTH | MULTISET | OPTIONS | OVERWRITE | OVERWRITING
    | PARTITION | PARTITIONED | PARTITIONS | PLAN | PLAN_ADVICE | PRECISION | QUIT | REMOVE | RENAME | RESET
    | REPLACE | RESTRICT | ROW | SAVEPOINT | SECOND | SET | SHOW | STATEMENT | STOP | SYSTEM | TABLES | TEMPORARY
    | TIME | TIMESTAMP | UPGRADE | USE | USER | USING | VIEW | VIEWS | VIRTUAL | WATERMARK | WATERMARKS
    | WITHOUT | YEAR | ZONE
    ;

// ---------------------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------------------

ADD : 'ADD' ;
AFTER : 'AFTER' ;
ALL : 'ALL' ;
ALTER : 'ALTER' ;
AND : 'AND' ;
ANALYZE : 'ANALYZE' ;
ARRAY : 'ARRAY' ;
AS : 'AS' ;
BEGIN : 'BEGIN' ;
BY : 'BY' ;
CASCADE : 'CASCADE' ;
CATALOG : 'CATALOG' ;
CATALOGS : 'CATALOGS' ;
CHANGELOG_MODE : 'CHANGELOG_MODE' ;
CLEAR : 'CLEAR' ;
COLUMNS : 'COLUMNS' ;
COMMENT : 'COMMENT' ;
COMPILE : 'COMPILE' ;
CONSTRAINT : 'CONSTRAINT' ;
CONSTRAINTS : 'CONSTRAINTS' ;
CONTINUOUS : 'CONTINUOUS' ;
CREATE : 'CREATE' ;
CURRENT : 'CURRENT' ;
DATABASE : 'DATABASE' ;
DATABASES : 'DATABASES' ;
DAY : 'DAY' ;
DESC : 'DESC' ;
DESCRIBE : 'DESCRIBE' ;
DRAIN : 'DRAIN' ;
DROP : 'DROP' ;
END : 'END' ;
ENFORCED : 'ENFORCED' ;
ESTIMATED_COST : 'ESTIMATED_COST' ;
EXCLUDING : 'EXCLUDING' ;
EXECUTE : 'EXECUTE' ;
EXISTS : 'EXISTS' ;
EXIT : 'EXIT' ;
EXPLAIN : 'EXPLAIN' ;
EXTENDED : 'EXTENDED' ;
FIRST : 'FIRST' ;
FOR : 'FOR' ;
FRESHNESS : 'FRESHNESS' ;
FROM : 'FROM' ;
CALL : 'CALL' ;
DELETE : 'DELETE' ;
TRUNCATE : 'TRUNCATE' ;
UPDATE : 'UPDATE' ;
WHERE : 'WHERE' ;
FULL : 'FULL' ;
FUNCTION : 'FUNCTION' ;
FUNCTIONS : 'FUNCTIONS' ;
GENERATED : 'GENERATED' ;
HELP : 'HELP' ;
HOUR : 'HOUR' ;
IF : 'IF' ;
ILIKE : 'ILIKE' ;
IN : 'IN' ;
INCLUDING : 'INCLUDING' ;
INSERT : 'INSERT' ;
INTERVAL : 'INTERVAL' ;
INTO : 'INTO' ;
JAR : 'JAR' ;
JARS : 'JARS' ;
JOB : 'JOB' ;
JOBS : 'JOBS' ;
JSON_EXECUTION_PLAN : 'JSON_EXECUTION_PLAN' ;
KEY : 'KEY' ;
LANGUAGE : 'LANGUAGE' ;
LIKE : 'LIKE' ;
LOAD : 'LOAD' ;
LOCAL : 'LOCAL' ;
MAP : 'MAP' ;
MATERIALIZED : 'MATERIALIZED' ;
METADATA : 'METADATA' ;
MINUTE : 'MINUTE' ;
MODIFY : 'MODIFY' ;
MODULE : 'MODULE' ;
MODULES : 'MODULES' ;
MONTH : 'MONTH' ;
MULTISET : 'MULTISET' ;
NOT : 'NOT' ;
NULL : 'NULL' ;
OPTIONS : 'OPTIONS' ;
OR : 'OR' ;
OVERWRITE : 'OVERWRITE' ;
OVERWRITING : 'OVERWRITING' ;
PARTITION : 'PARTITION' ;
PARTITIONED : 'PARTITIONED' ;
PARTITIONS : 'PARTITIONS' ;
PLAN : 'PLAN' ;
PLAN_ADVICE : 'PLAN_ADVICE' ;
PRECISION : 'PRECISION' ;
PRIMARY : 'PRIMARY' ;
PROCEDURES : 'PROCEDURES' ;
QUIT : 'QUIT' ;
REFRESH : 'REFRESH' ;
REFRESH_MODE : 'REFRESH_MODE' ;
REMOVE : 'REMOVE' ;
REPLACE : 'REPLACE' ;
RENAME : 'RENAME' ;
RESET : 'RESET' ;
RESTRICT : 'RESTRICT' ;
RESUME : 'RESUME' ;
ROW : 'ROW' ;
SAVEPOINT : 'SAVEPOINT' ;
SECOND : 'SECOND' ;
SELECT : 'SELECT' ;
SET : 'SET' ;
SHOW : 'SHOW' ;
STATEMENT : 'STATEMENT' ;
STOP : 'STOP' ;
SUSPEND : 'SUSPEND' ;
SYSTEM : 'SYSTEM' ;
TABLE : 'TABLE' ;
TABLES : 'TABLES' ;
TEMPORARY : 'TEMPORARY' ;
TIME : 'TIME' ;
TIMESTAMP : 'TIMESTAMP' ;
TO : 'TO' ;
UNLOAD : 'UNLOAD' ;
UPGRADE : 'UPGRADE' ;
USE : 'USE' ;
USER : 'USER' ;
USING : 'USING' ;
VALUES : 'VALUES' ;
VIEW : 'VIEW' ;
VIEWS : 'VIEWS' ;
VIRTUAL : 'VIRTUAL' ;
WATERMARK : 'WATERMARK' ;
WATERMARKS : 'WATERMARKS' ;
WITH : 'WITH' ;
WITHOUT : 'WITHOUT' ;
YEAR : 'YEAR' ;
ZONE : 'ZONE' ;

LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;
DOT : '.' ;
SEMICOLON : ';' ;
EQ : '=' ;
LT : '<' ;
GT : '>' ;
MINUS : '-' ;

STRING : '\'' (~'\'' | '\'\'')* '\'' ;
UNTERMINATED_STRING : '\'' (~'\'' | '\'\'')* ;

DOUBLE_QUOTED : '"' (~'"' | '""')* '"' ;

QUOTED_IDENTIFIER : '`' (~'`' | '``')* '`' ;
UNTERMINATED_QUOTED_IDENTIFIER : '`' (~'`' | '``')* ;

INTEGER_VALUE : DIGIT+ ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT* EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;

IDENTIFIER : (LETTER | '_') (LETTER | DIGIT | '_' | '$')* ;

fragment DIGIT : [0-9] ;
fragment LETTER : [\p{L}] ;
fragment EXPONENT : 'E' [+-]? DIGIT+ ;

LINE_COMMENT : '--' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// A comment body that never contains '*/', running to the end of the input.
UNTERMINATED_BLOCK_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF ;
WS : [ \t\r\n\u000C]+ -> channel(HIDDEN) ;

// Anything else (operators inside queries and expressions): one character per token.
ANY_CHAR : . ;
