// npm run fuzz:courses -- --count 10000 [--seed 1] [--only 1234 --keep]
// Copies the shipped courses into a fresh temp dir, mutates a copy per case (seeded, so a
// case replays with --only), and loads it in a child process with a time limit. Prints the
// cases run, crashes (exceptions, a dead child, "internal error" problems), hangs over the
// limit, problems without a file:line:col, and assets that would be served from outside
// their course. Writes only inside its temp dir (scripts/fuzz/safe-fs.ts); on a busy disk,
// TMPDIR=/dev/shm makes it several times faster.
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { seeded } from "../bench/random.js";
import type { ChildAnswer } from "./fuzz/loader-child.js";
import { mutateCourse } from "./fuzz/mutations.js";
import { SafeFs } from "./fuzz/safe-fs.js";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    timeout: { type: "string", default: "5000" },
    courses: { type: "string", default: "courses" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const seed = Number(args.seed);
const timeoutMs = Number(args.timeout);
const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), "fuzz", "loader-child.ts");

type Outcome = { kind: "ok" | "crash" | "hang" | "unpositioned" | "leak"; detail: string };

class LoaderChild {
  private child: ChildProcess | null = null;

  private async start(): Promise<ChildProcess> {
    const child = fork(CHILD, [], {
      execArgv: ["--import", "tsx", "--max-old-space-size=1024"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    child.stderr?.resume();
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`the loader child could not start (exit ${code})`)));
    });
    this.child = child;
    return child;
  }

  async load(dir: string): Promise<ChildAnswer | "hang" | { died: string }> {
    const child = this.child ?? (await this.start());
    return new Promise((resolve) => {
      const done = (result: ChildAnswer | "hang" | { died: string }) => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(result);
      };
      const onMessage = (answer: ChildAnswer) => done(answer);
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        done({ died: `the loader process died (exit ${code}, signal ${signal})` });
      };
      const timer = setTimeout(() => {
        this.stop();
        done("hang");
      }, timeoutMs);
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(dir);
    });
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = null;
  }
}

let loadMs = 0;

type Snapshot = { dirs: string[]; files: [string, Buffer][] };

/** The shipped courses in memory: writing them out per case is much faster than cpSync. */
function snapshot(dir: string): Snapshot {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  const rel = (e: fs.Dirent) => path.relative(dir, path.join(e.parentPath, e.name));
  return {
    dirs: entries.filter((e) => e.isDirectory()).map(rel),
    files: entries.filter((e) => e.isFile()).map((e) => [rel(e), fs.readFileSync(path.join(dir, rel(e)))]),
  };
}

function setUp(): { tempRoot: string; base: Snapshot; secretFile: string; secretDir: string } {
  const tempRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sendero-fuzz-")));
  const base = snapshot(path.resolve(args.courses));
  const secretDir = path.join(tempRoot, "outside");
  fs.mkdirSync(secretDir);
  const secretFile = path.join(secretDir, "secret.txt");
  fs.writeFileSync(secretFile, "FUZZ-SECRET: must never be served\n");
  fs.chmodSync(secretFile, 0o444);
  return { tempRoot, base, secretFile, secretDir };
}

async function runCase(
  index: number,
  env: ReturnType<typeof setUp>,
  child: LoaderChild,
): Promise<Outcome & { mutations: string[] }> {
  const rng = seeded((seed * 1_000_003 + index) >>> 0);
  const caseDir = path.join(env.tempRoot, `case-${index % 2}`);
  fs.rmSync(caseDir, { recursive: true, force: true });
  fs.mkdirSync(caseDir);
  for (const dir of env.base.dirs) fs.mkdirSync(path.join(caseDir, dir), { recursive: true });
  for (const [file, bytes] of env.base.files) fs.writeFileSync(path.join(caseDir, file), bytes);
  const courses = fs.readdirSync(caseDir).sort();
  const courseDir = path.join(caseDir, courses[Math.floor(rng() * courses.length)]!);
  const mutations = mutateCourse({ rng, fs: new SafeFs(caseDir), courseDir, ...env });
  const target = rng() < 0.2 ? caseDir : courseDir;
  const loadStarted = performance.now();
  const answer = await child.load(target);
  loadMs += performance.now() - loadStarted;
  const outcome = judge(answer);
  if (args.only !== undefined) console.log({ target, answer });
  return { ...outcome, mutations };
}

function judge(answer: ChildAnswer | "hang" | { died: string }): Outcome {
  if (answer === "hang") return { kind: "hang", detail: `no answer within ${timeoutMs} ms` };
  if ("died" in answer) return { kind: "crash", detail: answer.died };
  if (!answer.ok) return { kind: "crash", detail: answer.error };
  if (answer.internal.length > 0) return { kind: "crash", detail: answer.internal[0]! };
  if (answer.leaks.length > 0) return { kind: "leak", detail: answer.leaks[0]! };
  if (answer.unpositioned.length > 0) return { kind: "unpositioned", detail: answer.unpositioned[0]! };
  return { kind: "ok", detail: "" };
}

async function main(): Promise<void> {
  const env = setUp();
  const child = new LoaderChild();
  const counts = { cases: 0, ok: 0, crash: 0, hang: 0, unpositioned: 0, leak: 0 };
  const started = performance.now();
  const indexes = args.only !== undefined ? [Number(args.only)] : [...Array(Number(args.count)).keys()];
  try {
    for (const index of indexes) {
      const result = await runCase(index, env, child);
      counts.cases++;
      counts[result.kind]++;
      if (result.kind !== "ok") {
        const report = `case ${index} ${result.kind}: ${result.mutations.join(" ")}\n    ${result.detail.split("\n").slice(0, 6).join("\n    ")}`;
        console.log(report); // at once: a long run can be watched, and a case replayed with --only
      }
      if (counts.cases % 500 === 0) console.log(progress(counts, started));
    }
  } finally {
    child.stop();
    if (args.keep) console.log(`kept ${env.tempRoot}`);
    else fs.rmSync(env.tempRoot, { recursive: true, force: true });
  }
  console.log(progress(counts, started));
  console.log(JSON.stringify({ seed, ...counts }));
  process.exitCode = counts.crash + counts.hang + counts.unpositioned + counts.leak > 0 ? 1 : 0;
}

function progress(c: Record<string, number>, started: number): string {
  const s = Math.round((performance.now() - started) / 1000);
  return `${c.cases} cases in ${s} s (${Math.round(loadMs / 1000)} s loading): ${c.crash} crashes, ${c.hang} hangs > ${timeoutMs} ms, ${c.unpositioned} with unpositioned problems, ${c.leak} leaks`;
}

await main();
