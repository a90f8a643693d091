// The real server (src/server.ts) in a child process, for faults that must be seen from
// outside: the process stays up, start-up refuses. It listens on a free port (PORT=0)
// and reports the port in its "listening" log line.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { FIXTURE_COURSES } from "./context.js";
import { waitFor } from "./wait.js";

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
  stop(): Promise<void>;
};

export const SERVER_ORIGIN = "http://localhost:3000";

function spawnServer(dataDir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("src/server.ts")], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      BASE_URL: SERVER_ORIGIN,
      DATA_DIR: dataDir,
      COURSES_DIR: FIXTURE_COURSES,
      LOG_LEVEL: "info",
      WATCH_COURSES: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const { child, output, exited } = spawnServer(dataDir, env);
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  const port = await waitFor(
    () => {
      if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}):\n${output()}`);
      return /"message":"listening".*?"port":(\d+)/.exec(output())?.[1];
    },
    { timeoutMs: 60_000, what: "the server to listen" },
  ).catch((error) => {
    child.kill("SIGKILL");
    throw error;
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output,
    alive: () => exitCode === undefined,
    async stop() {
      if (exitCode === undefined) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs the server expecting start-up to fail: its exit code and what it printed. */
export async function startServerExpectingFailure(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const { child, output, exited } = spawnServer(dataDir, env);
  // A server that starts anyway is stopped at once: the test then fails on its exit code.
  const started = setInterval(() => output().includes('"message":"listening"') && child.kill("SIGKILL"), 50);
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await exited;
  clearInterval(started);
  clearTimeout(timer);
  return { code, output: output() };
}
