// The export's ZIP writer, checked by two independent readers (Info-ZIP and Python).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createZip } from "../../../src/privacy/zip.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-zip-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const binary = randomBytes(5000);
const entries = [
  { name: "my-data.html", data: `<p>${"Réflexion — تأمل — размышление. ".repeat(200)}</p>` },
  { name: "my-data.json", data: JSON.stringify({ username: "amina", text: "possession is a crime" }) },
  { name: "certificates/ABCD.pdf", data: binary },
  { name: "empty.txt", data: "" },
  { name: "ملاحظات.txt", data: "نص" },
];

function readBack(file: string): Record<string, string> {
  const script =
    "import sys,zipfile,json,base64\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))";
  const out = execFileSync("python3", ["-c", script, file], { encoding: "utf8" });
  return JSON.parse(out) as Record<string, string>;
}

describe("the export ZIP", () => {
  it("passes unzip -t and python's zipfile -t, and gives back every file byte for byte", () => {
    const file = path.join(dir, "export.zip");
    fs.writeFileSync(file, createZip(entries, new Date("2026-12-04T15:20:31Z")));
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
    execFileSync("python3", ["-m", "zipfile", "-t", file]);
    const files = readBack(file);
    expect(Object.keys(files)).toEqual(entries.map((e) => e.name));
    for (const entry of entries)
      expect(Buffer.from(files[entry.name]!, "base64").equals(Buffer.from(entry.data))).toBe(true);
  });

  it("deflates text and stores what does not shrink", () => {
    const zip = createZip(entries, new Date("2026-12-04T00:00:00Z"));
    const rawSize = entries.reduce((sum, e) => sum + Buffer.byteLength(e.data), 0);
    expect(zip.length).toBeLessThan(rawSize);
    expect(zip.includes(binary)).toBe(true);
  });

  it("refuses names that would write outside the archive's folder", () => {
    for (const name of ["../evil", "/etc/passwd", "a/../../b", "a\\b", ""])
      expect(() => createZip([{ name, data: "x" }], new Date())).toThrow(/unsafe/);
  });
});
