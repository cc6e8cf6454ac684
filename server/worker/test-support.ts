import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

// Helpers for the worker's integration tests (and other tests that need a real worker process).
export { makeUser as createTestUser, makeWorkspace as createTestWorkspace } from "../../tests/factories";

export type WorkerProcess = { child: ChildProcess; started: Promise<void>; exited: Promise<number | null>; output(): string };

/** The real worker entry point, as `npm run worker` starts it, in a process of its own. */
export function spawnWorkerProcess(env: Record<string, string>): WorkerProcess {
  const root = path.resolve(import.meta.dirname, "../..");
  // Node itself with tsx's loader, not the tsx wrapper: one process, so a kill reaches the worker.
  const child = spawn(process.execPath, ["--import", "tsx", "server/worker/main.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, BETTER_AUTH_SECRET: "worker-test-secret-0123456789abcdef", NODE_ENV: "test", ...env },
  });
  let output = "";
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[worker] started")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`worker exited early (${code}):\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, started, exited, output: () => output };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  description: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
