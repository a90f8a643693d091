// npm run courses:source-hash -- <source file>...  prints the source_hash a translation of each file records.
import fs from "node:fs";
import { sourceHash } from "./source-hash.js";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: npm run courses:source-hash -- <source file>...");
  process.exit(2);
}
let failed = false;
for (const file of files) {
  try {
    console.log(`${sourceHash(fs.readFileSync(file, "utf8"))}  ${file}`);
  } catch (error) {
    console.error(`${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error)}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
