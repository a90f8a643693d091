// Runs retention at start-up and then once a day. The timer is unref'd so it never keeps
// the process alive; a failing run is logged and the next one tries again.
import type { AppDeps } from "../deps.js";
import { runRetention } from "./retention.js";

const DAY_MS = 86_400_000;

export function scheduleRetention(deps: Parameters<typeof runRetention>[0] & Pick<AppDeps, "log">): () => void {
  const run = () =>
    runRetention(deps)
      .then((result) => {
        if (result.warned || result.erased || result.kept) deps.log.info("retention", result);
      })
      .catch((error: Error) => deps.log.error("retention run failed", { error: error.message }));
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
