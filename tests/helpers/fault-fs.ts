// Real file-system faults for the database tests, always inside a fresh temp directory:
// a tiny tmpfs that can be filled (a full disk), remounted read-only, and unmounted.
// Mounting needs root (the CI machines run as root); elsewhere the tests that need it
// are reported as skipped, and the portable tests still cover the same code paths.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function freshTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let mountable: boolean | undefined;

/** Whether this process may mount a tmpfs (root, with the capability). */
export function canMountTmpfs(): boolean {
  if (mountable !== undefined) return mountable;
  const dir = freshTempDir("sendero-mount-check-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
    execFileSync("umount", [dir], { stdio: "ignore" });
    mountable = true;
  } catch {
    mountable = false;
  }
  fs.rmdirSync(dir);
  return mountable;
}

export type Tmpfs = {
  dir: string;
  /** Writes a filler file until the volume is full; returns its path. */
  fill(): string;
  remount(mode: "ro" | "rw"): void;
  unmount(): void;
};

export function mountTmpfs(sizeBytes: number): Tmpfs {
  const dir = freshTempDir("sendero-tmpfs-");
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeBytes},mode=0700`, "tmpfs", dir]);
  return {
    dir,
    fill() {
      const filler = path.join(dir, "filler");
      const fd = fs.openSync(filler, "wx");
      try {
        const chunk = Buffer.alloc(64 * 1024, 1);
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      } finally {
        fs.closeSync(fd);
      }
      return filler;
    },
    remount(mode) {
      execFileSync("mount", ["-o", `remount,${mode}`, dir]);
    },
    unmount() {
      // Lazy: a server process that still holds files open must not block the clean-up.
      execFileSync("umount", ["-l", dir]);
      fs.rmdirSync(dir);
    },
  };
}
