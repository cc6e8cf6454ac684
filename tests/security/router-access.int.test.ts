import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/auth/roles";
import type { Context, ProcedureMeta } from "../../server/trpc/init";
import { appRouter, createCaller } from "../../server/trpc/root";
import { anonymousContext, contextFor, makeMember, makeWorkspace, testDb } from "../factories";
import { SAMPLE_SETS } from "./samples";
import type { DomainRecords, WorkspaceFixture } from "./samples/types";

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const sets = Object.values(SAMPLE_SETS);

type Built = { fixture: WorkspaceFixture; records: DomainRecords[] };

async function buildWorkspace(label: string): Promise<Built> {
  const db = testDb();
  const workspace = await makeWorkspace(db, `Security ${label}`);
  const fixture: WorkspaceFixture = {
    db,
    label,
    workspace,
    admin: await makeMember(db, workspace.id, "admin", `${label} Admin`),
    marketer: await makeMember(db, workspace.id, "marketer", `${label} Marketer`),
    manager: await makeMember(db, workspace.id, "manager", `${label} Manager`),
  };
  const records: DomainRecords[] = [];
  for (const set of sets) records.push((await set.prepare?.(fixture)) ?? {});
  return { fixture, records };
}

/** A valid input for `path`, aimed at `target`'s records. */
function inputFor(path: string, target: Built): unknown {
  const index = sets.findIndex((set) => path in set.inputs);
  return sets[index]!.inputs[path]!(target.fixture, target.records[index]!);
}

async function call(ctx: Context, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(ctx) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [namespace, name] = path.split(".") as [string, string];
  return caller[namespace]![name]!(input);
}

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : `non-tRPC error: ${String(error)}`;
  }
}

const snapshotOf = (target: Built) => Promise.all(sets.map((set) => set.snapshot?.(target.fixture)));

let a: Built;
let b: Built;

beforeAll(async () => {
  a = await buildWorkspace("A");
  b = await buildWorkspace("B");
});

afterAll(async () => {
  await testDb().$disconnect();
});

describe("every tRPC procedure", () => {
  it("has exactly one sample input, so that all of them are checked", () => {
    const sampled = sets.flatMap((set) => Object.keys(set.inputs));
    expect(sampled.sort()).toEqual(procedures.map(([path]) => path).sort());
  });

  it("declares the roles that may call it, and no mutation admits a manager", () => {
    for (const [path, procedure] of procedures) {
      const roles: readonly Role[] = procedure._def.meta?.roles ?? [];
      expect(roles.length, `${path} declares no roles`).toBeGreaterThan(0);
      if (procedure._def.type === "mutation") expect(roles, path).not.toContain("manager");
    }
  });

  it("rejects an anonymous caller", async () => {
    for (const [path] of procedures) {
      expect(await errorCode(call(anonymousContext(testDb()), path, inputFor(path, a))), path).toBe("UNAUTHORIZED");
    }
  });

  it("rejects a manager calling any mutation", async () => {
    const ctx = await contextFor(testDb(), a.fixture.manager.user.id, a.fixture.workspace.id);
    for (const [path] of procedures.filter(([, p]) => p._def.type === "mutation")) {
      expect(await errorCode(call(ctx, path, inputFor(path, a))), path).toBe("FORBIDDEN");
    }
  });

  it("rejects a role the procedure does not list", async () => {
    const ctx = await contextFor(testDb(), a.fixture.marketer.user.id, a.fixture.workspace.id);
    for (const [path] of procedures.filter(([, p]) => !p._def.meta?.roles.includes("marketer"))) {
      expect(await errorCode(call(ctx, path, inputFor(path, a))), path).toBe("FORBIDDEN");
    }
  });

  it("lets a user of workspace A neither read nor change anything of workspace B", async () => {
    const before = await snapshotOf(b);
    const secretsOfB = sets.flatMap((set, i) => set.secrets?.(b.fixture, b.records[i]!) ?? []);
    expect(secretsOfB.length).toBeGreaterThan(0);
    for (const role of ["admin", "marketer", "manager"] as const) {
      const ctx = await contextFor(testDb(), a.fixture[role].user.id, a.fixture.workspace.id);
      for (const [path] of procedures) {
        let answer: unknown;
        try {
          answer = await call(ctx, path, inputFor(path, b));
        } catch (error) {
          expect(error, path).toBeInstanceOf(TRPCError);
          expect(["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BAD_REQUEST"], `${role} ${path}`).toContain((error as TRPCError).code);
          continue;
        }
        const seen = JSON.stringify(answer ?? null, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
        for (const secret of secretsOfB) expect(seen, `${role} ${path} leaked ${secret}`).not.toContain(secret);
      }
    }
    expect(await snapshotOf(b)).toEqual(before);
  });

  it("answers a member of the workspace itself (the checks above are not vacuous)", async () => {
    const ctx = await contextFor(testDb(), a.fixture.admin.user.id, a.fixture.workspace.id);
    for (const [path] of procedures.filter(([, p]) => p._def.type === "query")) {
      expect(await errorCode(call(ctx, path, inputFor(path, a))), path).toBeNull();
    }
  });
});
