// The build product (src/core/adam/product.ts): the cohort validated once and its ADaM derived once, as Parquet
// files every later step reads. Reused while it is of the same cohort and limits, never half-written, and nothing at
// all for an invalid cohort.
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {openCohort} from "../../src/core/adam/derive.js";
import {ensureProduct, PRODUCT_ENV, qcCohortDir, withAdam, withProduct} from "../../src/core/adam/product.js";
import {CohortError} from "../../src/core/cohort/problem.js";
import {LIMITS} from "../../src/core/limits.js";
import {provenance} from "../../src/core/provenance.js";
import {digestTree} from "../../src/core/release/files.js";
import {ADAM_TABLES} from "../../src/core/sql-catalog.js";
import {makeCohort, removeCohort} from "../fixtures/cohort.js";

const scratch = mkdtempSync(join(tmpdir(), "product-test-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

test("the product holds the derived ADaM tables as Parquet, read back row for row", async () => {
  const cohort = makeCohort();
  try {
    const product = await ensureProduct(cohort, join(scratch, "demo"));
    assert.deepEqual(readdirSync(product.dir).sort(), [...ADAM_TABLES.map((t) => `${t}.parquet`), "manifest.json"].sort());
    assert.equal(product.manifest.n, 6);
    assert.equal(product.manifest.qc_sample, null, "six patients: the QC reads the whole cohort");
    assert.equal(qcCohortDir(product), product.manifest.cohort);
    assert.deepEqual(product.manifest.inputs, digestTree(cohort), "validation's digests of the cohort, as digestTree takes them");
    const derived = await openCohort(cohort);
    try {
      await withAdam(product, async (engine) => {
        for (const table of ADAM_TABLES) {
          const rows = `SELECT * FROM ${table} ORDER BY ALL`;
          assert.deepEqual(await engine.sql(rows), await derived.sql(rows), table);
          const [{n}] = await derived.sql(`SELECT count(*)::INTEGER AS n FROM ${table}`);
          assert.equal(product.manifest.rows[table], n, `${table}: its rows in the manifest`);
        }
      });
    } finally {
      derived.close();
    }
  } finally {
    removeCohort(cohort);
  }
});

test("a product of the same cohort and limits is reused without reading the cohort again; other limits rebuild it", async () => {
  const cohort = makeCohort();
  const target = join(scratch, "reuse");
  try {
    const first = await ensureProduct(cohort, target);
    // With the cohort gone, only a product that is not re-validated can still be returned.
    rmSync(join(cohort, "patients.csv"));
    const again = await ensureProduct(cohort, target);
    assert.deepEqual(again.manifest, first.manifest);
    await assert.rejects(ensureProduct(cohort, target, {...LIMITS, seed: LIMITS.seed + 1}), CohortError,
      "other limits: validated again, and the cohort is now incomplete");
    assert.ok(existsSync(join(target, "manifest.json")), "a failed rebuild leaves the previous product in place");
  } finally {
    removeCohort(cohort);
  }
});

test("an invalid cohort: CohortError naming file, line, column and value, and no product written", async () => {
  const cohort = makeCohort([{file: "patients.csv", line: 4, column: "KI67", value: "120"}]);
  const target = join(scratch, "invalid");
  try {
    await assert.rejects(ensureProduct(cohort, target), (error: unknown) => {
      assert.ok(error instanceof CohortError);
      assert.match(error.message, /patients\.csv:4.*KI67.*120/);
      return true;
    });
    assert.ok(!existsSync(target));
    assert.deepEqual(readdirSync(scratch).filter((name) => name.startsWith(".invalid")), [], "no staging left");
  } finally {
    removeCohort(cohort);
  }
});

test("withProduct shares the build's product (PRODUCT_ENV) and otherwise makes a private one it removes", async () => {
  const cohort = makeCohort();
  const shared = join(scratch, "shared");
  try {
    let seen = "";
    await withProduct(cohort, async (product) => void (seen = product.dir));
    assert.ok(!existsSync(seen), "a private product lives as long as the call");
    process.env[PRODUCT_ENV] = shared;
    try {
      await withProduct(cohort, async (product) => assert.equal(product.dir, shared));
    } finally {
      delete process.env[PRODUCT_ENV];
    }
    assert.ok(existsSync(join(shared, "manifest.json")), "the shared product stays for the build's next loader");
  } finally {
    removeCohort(cohort);
  }
});

test("a build's provenance takes the cohort's digests from its product (PRODUCT_ENV), not from reading the cohort again", async () => {
  const cohort = makeCohort();
  const shared = join(scratch, "provenance");
  try {
    const product = await ensureProduct(cohort, shared);
    // A digest only the product knows: if provenance read the cohort, it would find the true one.
    const marked = {...product.manifest, inputs: product.manifest.inputs.map((d) => d.path === "patients.csv" ? {...d, sha256: "f".repeat(64)} : d)};
    writeFileSync(join(shared, "manifest.json"), JSON.stringify(marked));
    process.env[PRODUCT_ENV] = shared;
    try {
      assert.equal(provenance(cohort).data_sha256["patients.csv"], "f".repeat(64));
    } finally {
      delete process.env[PRODUCT_ENV];
    }
    const read = provenance(cohort).data_sha256;
    assert.deepEqual(read, Object.fromEntries(product.manifest.inputs.map((d) => [d.path, d.sha256])), "without a product: read");
  } finally {
    removeCohort(cohort);
  }
});
