// `npm run dev`: install what is missing, then run Tailor (scripts/launch.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureDependencies } from "./ensure-deps.mjs";

const root = path.resolve(import.meta.dirname, "..");
ensureDependencies(root);
const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/launch.ts", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
// Ctrl-C reaches the launcher through the terminal; a plain SIGTERM is passed on.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
