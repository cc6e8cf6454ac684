// `npm start`: production web server (after `npm run build`); migrates first. The worker runs
// as its own process: `npm run worker`.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const child = spawn(
  path.join(root, "node_modules/.bin/tsx"),
  ["scripts/launch.ts", "--next", "start", "--no-worker", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
