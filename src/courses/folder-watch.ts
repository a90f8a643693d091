// Watches a folder tree for the dev server and calls back shortly after changes settle
// (editors write several times per save). It must never take the process down: an
// FSWatcher "error" event without a listener, or an exception in a timer, would exit
// Node. When the folder disappears (a branch switch, `git stash`), it keeps trying to
// watch again and calls back once the folder is back.
import fs from "node:fs";

const SETTLE_MS = 150;
const RETRY_MS = 1000;

export function watchFolder(dir: string, onChange: () => void): () => void {
  let watcher: fs.FSWatcher | undefined;
  let settle: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  const changed = () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (stopped) return;
      try {
        onChange();
      } catch (error) {
        console.error("courses: reloading failed", error);
      }
      // Deleting the watched folder silently ends some watchers: start again if it went away.
      if (!fs.existsSync(dir)) restart();
    }, SETTLE_MS);
  };

  const start = (): boolean => {
    try {
      watcher = fs.watch(dir, { recursive: true }, changed);
      watcher.on("error", restart);
      return true;
    } catch {
      watcher = undefined;
      return false;
    }
  };

  function restart(): void {
    watcher?.close();
    watcher = undefined;
    clearTimeout(retry);
    if (stopped) return;
    retry = setTimeout(() => {
      if (stopped) return;
      if (fs.existsSync(dir) && start()) changed();
      else restart();
    }, RETRY_MS);
    retry.unref();
  }

  if (!start()) restart();
  return () => {
    stopped = true;
    clearTimeout(settle);
    clearTimeout(retry);
    watcher?.close();
  };
}
