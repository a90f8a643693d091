// One JSON line per event on stdout. Never log IP addresses, emails, names, cookies,
// tokens or request bodies: a log line carries a request id, a route pattern and a status.
export type Level = "debug" | "info" | "warn" | "error";
export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(
  minimum: Level | "silent",
  write: (line: string) => void = (line) => process.stdout.write(line + "\n"),
): Logger {
  const make =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < ORDER[minimum]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}
