import { type ChildProcess, fork } from "node:child_process";
import autocannon from "autocannon";

export type Child = { port: number; data: Record<string, unknown>; stop(): void };

/** Starts a TypeScript file with tsx in its own process; resolves once it reports a port. */
export function startChild(file: string, args: string[] = [], env: Record<string, string> = {}): Promise<Child> {
  return new Promise((resolve, reject) => {
    const profile =
      process.env.BENCH_PROFILE && file.includes("app-child")
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : [];
    const child: ChildProcess = fork(file, args, {
      execArgv: ["--import", "tsx", ...profile],
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (message) => {
      const data = message as { port: number };
      resolve({ port: data.port, data, stop: () => child.disconnect() });
    });
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}

export type Load = { requestsPerSecond: number; p99: number; errors: number; non2xx: number };

export async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Load> {
  const result = await autocannon({ url, connections: 50, duration: 10, ...options });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
