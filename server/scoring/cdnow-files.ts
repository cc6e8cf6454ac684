// The CDNOW benchmark files (../shared/datasets/cdnow beside the repository, or
// $TAILOR_DATASETS_DIR/cdnow), located and parsed for the tests that reproduce published results.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PurchaseLog } from "./purchase-log";

export function cdnowDirectory(): string {
  const candidates: string[] = [];
  if (process.env.TAILOR_DATASETS_DIR) candidates.push(path.join(process.env.TAILOR_DATASETS_DIR, "cdnow"));
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, "shared", "datasets", "cdnow"), path.join(dir, "datasets", "cdnow"));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((candidate) => existsSync(path.join(candidate, "CDNOW_master.txt")));
  if (!found) {
    throw new Error(
      `CDNOW data set not found (looked for CDNOW_master.txt in ../shared/datasets/cdnow above ${import.meta.dirname}); set TAILOR_DATASETS_DIR to the folder holding cdnow/`,
    );
  }
  return found;
}

export function readCdnowFile(name: "CDNOW_master.txt" | "cdnow_customers_summary.csv" | "cdnow_customers_summary_with_transactions.csv"): string {
  const file = path.join(cdnowDirectory(), name);
  if (!existsSync(file)) throw new Error(`CDNOW file missing: ${file}`);
  return readFileSync(file, "utf8");
}

const CDNOW_START_MS = Date.UTC(1997, 0, 1);
const DAY_MS = 86_400_000;

/**
 * `CDNOW_master.txt` as a purchase log: days since 1997-01-01, customer ids 1..N mapped to
 * indices 0..N−1 in order of first appearance.
 */
export function parseCdnowTransactions(text: string): PurchaseLog & { customerIds: string[] } {
  const lines = text.split(/\r?\n/);
  const customerIndex = new Map<string, number>();
  const customer = new Int32Array(lines.length);
  const day = new Float64Array(lines.length);
  const amount = new Float64Array(lines.length);
  let rows = 0;
  for (const line of lines) {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars || !/^\d{8}$/.test(date)) continue;
    let index = customerIndex.get(id);
    if (index === undefined) customerIndex.set(id, (index = customerIndex.size));
    customer[rows] = index;
    day[rows] = (Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))) - CDNOW_START_MS) / DAY_MS;
    amount[rows] = Number(dollars);
    rows++;
  }
  return {
    customers: customerIndex.size,
    customerIds: [...customerIndex.keys()],
    customer: customer.slice(0, rows),
    day: day.slice(0, rows),
    amount: amount.slice(0, rows),
  };
}
