import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "forks",
    include: ["tests/**/*.test.ts"],
    // Sized for a busy two-core machine (browser tests take 10–20 s there); a timeout is a
    // safety net, never how a test waits: tests wait on conditions (expect.poll, waitForURL).
    testTimeout: 90_000,
    hookTimeout: 120_000,
    globalSetup: ["tests/global-setup.ts"],
  },
});
