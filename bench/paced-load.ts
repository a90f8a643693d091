// An open-loop load generator: requests are sent at a steady rate (not in per-second
// bursts, as autocannon's rate option does) over keep-alive connections, and latency is
// measured from when each request was due, so queueing is counted honestly.
import http from "node:http";

export type PacedRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
export type PacedResult = {
  sent: number;
  completed: number;
  errors: number;
  statuses: Map<number, number>;
  p50: number;
  p99: number;
  max: number;
};

export async function pacedLoad(options: {
  port: number;
  ratePerSecond: number;
  seconds: number;
  connections: number;
  /** The next request to send, or null if every learner is busy (the request is skipped and counted as an error). */
  next: () => { request: PacedRequest; done: (status: number) => void } | null;
}): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  let completed = 0;
  let errors = 0;
  const start = performance.now();
  const total = Math.round(options.ratePerSecond * options.seconds);
  await new Promise<void>((resolve) => {
    const fire = (due: number) => {
      const job = options.next();
      sent++;
      if (!job) {
        errors++;
        return;
      }
      const { request, done } = job;
      const req = http.request(
        {
          host: "127.0.0.1",
          port: options.port,
          agent,
          method: request.method,
          path: request.path,
          headers: request.headers,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - due);
            statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            completed++;
            done(res.statusCode ?? 0);
            if (completed + errors >= total) resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        if (completed + errors >= total) resolve();
      });
      req.end(request.body);
    };
    const timer = setInterval(() => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / options.ratePerSecond <= now)
        fire(start + (sent * 1000) / options.ratePerSecond);
      if (sent >= total) clearInterval(timer);
    }, 1);
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { sent, completed, errors, statuses, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0 };
}
