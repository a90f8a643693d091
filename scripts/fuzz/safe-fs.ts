// File operations for the fuzzer that can only touch its own temp dir. A previous fuzzer
// wrote through a symbolic link and damaged /etc/passwd: here every write and delete first
// checks that no part of the path below the case folder is a link and that the path stays
// inside it; links the fuzzer makes point only at files inside its own temp dir.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class SafeFs {
  constructor(readonly root: string) {
    if (!path.isAbsolute(root) || !root.startsWith(fs.realpathSync(os.tmpdir()) + path.sep))
      throw new Error(`the fuzzer writes only inside the temp dir, not in ${root}`);
  }

  /** The path, if it is inside the case folder and reached through real folders only. */
  private checked(file: string): string | null {
    const rel = path.relative(this.root, file);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return null;
    let at = this.root;
    for (const part of rel.split(path.sep).slice(0, -1)) {
      at = path.join(at, part);
      const stat = fs.lstatSync(at, { throwIfNoEntry: false });
      if (!stat?.isDirectory()) return null; // a link, a file, or missing: do not go through it
    }
    return file;
  }

  write(file: string, data: string | Buffer): boolean {
    const safe = this.checked(file);
    if (!safe) return false;
    const stat = fs.lstatSync(safe, { throwIfNoEntry: false });
    if (stat && !stat.isFile()) this.remove(safe); // replace a link or folder, never write through it
    fs.writeFileSync(safe, data, { flag: "w" });
    return true;
  }

  read(file: string): Buffer | null {
    const safe = this.checked(file);
    const stat = safe ? fs.lstatSync(safe, { throwIfNoEntry: false }) : undefined;
    return safe && stat?.isFile() ? fs.readFileSync(safe) : null;
  }

  /** rmSync never follows links: it removes the link itself. */
  remove(file: string): boolean {
    const safe = this.checked(file);
    if (!safe) return false;
    fs.rmSync(safe, { recursive: true, force: true });
    return true;
  }

  mkdir(dir: string): boolean {
    const safe = this.checked(dir);
    if (!safe) return false;
    this.remove(safe);
    fs.mkdirSync(safe);
    return true;
  }

  /** A link at `file` to `target`, which must itself be inside the fuzzer's temp dir. */
  symlink(file: string, target: string, tempRoot: string): boolean {
    const safe = this.checked(file);
    if (!safe || !path.resolve(path.dirname(safe), target).startsWith(tempRoot + path.sep)) return false;
    this.remove(safe);
    fs.symlinkSync(target, safe);
    return true;
  }
}
