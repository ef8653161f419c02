// Opens the warehouse read-only with @duckdb/node-api and reads every row of every mart, as
// a JavaScript tool would. Prints one JSON line: the DuckDB version and each mart's row count.
//     node bi/node/read_marts.mjs warehouse/ind.duckdb
import { DuckDBInstance } from '@duckdb/node-api';

const [warehouse] = process.argv.slice(2);
const instance = await DuckDBInstance.create(warehouse, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const rows = async (sql) => (await connection.runAndReadAll(sql)).getRows();

const [[version]] = await rows('select version()');
const marts = await rows(
  "select table_name from information_schema.tables where table_schema = 'marts' order by table_name",
);
const rowCounts = {};
for (const [mart] of marts) {
  rowCounts[mart] = (await rows(`select * from marts.${mart}`)).length;
}
connection.closeSync();
console.log(JSON.stringify({ duckdb: version, marts: rowCounts }));
