// `npm run bench:first-load-js`: the JavaScript a browser downloads on first load of each page of
// the production build (run `npm run build` first), gzipped as it is served. Next 16 no longer
// prints these sizes, so they are computed from the build's manifests: the root main files plus
// every chunk the page's entries (root layout, error and not-found boundaries, layouts, page) list.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const next = path.resolve(import.meta.dirname, "../../.next");
if (!existsSync(path.join(next, "build-manifest.json"))) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
const buildManifest = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
  polyfillFiles: string[];
};

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return manifests(full);
    return name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

const sizeCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let size = sizeCache.get(file);
  if (!size) {
    const bytes = readFileSync(path.join(next, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

type Manifest = { entryJSFiles?: Record<string, string[]> };
const pages = manifests(path.join(next, "server/app")).map((file) => {
  const sandbox: { globalThis: Record<string, unknown>; __RSC_MANIFEST?: Record<string, Manifest> } = { globalThis: {} };
  sandbox.globalThis = sandbox as unknown as Record<string, unknown>;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  const [route, manifest] = Object.entries(sandbox.__RSC_MANIFEST ?? {})[0] ?? ["?", {}];
  const files = new Set([...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
  const total = [...files].reduce((sum, f) => ({ raw: sum.raw + sizeOf(f).raw, gzip: sum.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 });
  return { route: route.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/", ...total };
});

pages.sort((a, b) => b.gzip - a.gzip);
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
for (const page of pages) console.log(`${page.route.padEnd(32)} ${String(kb(page.gzip)).padStart(7)} kB gzip  ${String(kb(page.raw)).padStart(7)} kB raw`);
const largest = pages[0]!;
console.log(JSON.stringify({ bench: "first-load-js", pages: pages.length, largest_page: largest.route, gzip_kb: kb(largest.gzip), raw_kb: kb(largest.raw) }));
