// `npm run bench:cold-start`: seconds from `npm run dev` on a fresh clone of this repository to a
// healthy server, once with the dependency install (npm ci, with whatever npm cache the machine
// has) and once without it (node_modules present, no .data). Uses ports 3400 and 54500.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const clone = mkdtempSync(path.join(os.tmpdir(), "tailor-cold-"));
// mkdtemp makes a private folder; the embedded Postgres (run as "postgres" under root) must enter it.
chmodSync(clone, 0o755);
const PORT = "3400";

function say(line: string) {
  process.stdout.write(`[bench:cold-start] ${line}\n`);
}

/** Starts `npm run dev` in its own process group, waits for the ready line, then stops it. */
async function timeDevStart(): Promise<number> {
  const started = performance.now();
  const child = spawn("npm", ["run", "dev"], {
    cwd: clone,
    detached: true,
    env: { ...process.env, PORT, TAILOR_PG_PORT: "54500", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const seconds = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 10 minutes:\n${output}`)), 600_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Tailor is running")) {
        clearTimeout(timer);
        resolve((performance.now() - started) / 1000);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`npm run dev exited (${code}):\n${output}`)));
  });
  child.removeAllListeners("exit");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGINT");
  await exited;
  return Math.round(seconds * 10) / 10;
}

try {
  execFileSync("git", ["clone", "-q", root, clone]);
  say(`cloned into ${clone}; starting with the install…`);
  const withInstall = await timeDevStart();
  say(`ready in ${withInstall} s including npm ci; starting again without install and without data…`);
  rmSync(path.join(clone, ".data"), { recursive: true, force: true });
  const withoutInstall = await timeDevStart();
  say(`ready in ${withoutInstall} s`);
  console.log(JSON.stringify({ bench: "cold-start", install_included_s: withInstall, install_excluded_s: withoutInstall }));
} finally {
  rmSync(clone, { recursive: true, force: true });
}
