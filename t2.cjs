const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
const path = require("path");
(async () => {
  const dist = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
  const db = await duckdb.createDuckDB({mvp:{mainModule: path.join(dist,"duckdb-mvp.wasm"), mainWorker: ""}, eh:{mainModule: path.join(dist,"duckdb-eh.wasm"), mainWorker:""}}, new duckdb.ConsoleLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const c = db.connect();
  const q = (s) => { try { console.log(JSON.stringify(c.query(s).toArray().map(r=>r.toJSON()), (k,v)=>typeof v==="bigint"?Number(v):v)); } catch (e) { console.log("ERR", e.message); } };
  q("select version() v");
  q("select list_sum(list_transform([1,2,3], lambda x: x*2)) a");
  q("create table t as select 1 a; create macro m(tbl) as table select * from query_table(tbl); select * from m('t')");
  q("with recursive r(i, s) as (select 0, 0.0 union all select i+1, (select sum(x) from range(i+2) t(x)) from r where i < 3) select * from r");
  q("select {'a':1}::JSON j, to_json([{'x':1.5}]) k, [1,2] l, lgamma(5.0) g");
  q("create macro cp(x, n) as table with recursive it(i, lo, hi) as (select 0, 0.0::double, 1.0::double union all select i+1, lo, hi from it where i < x) select * from it; select * from cp(2, 6)");
})();
