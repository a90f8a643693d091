import { describe, expect, it } from "vitest";
import { refill, waitAfterFailures } from "../../../src/rate-limit/rules.js";

describe("rate-limit arithmetic", () => {
  const rule = { freeFailures: 5, firstWaitSeconds: 30, maxWaitSeconds: 3600, forgetAfterSeconds: 86400 };

  it.each([
    [1, 0],
    [5, 0],
    [6, 30],
    [7, 60],
    [8, 120],
    [12, 1920],
    [13, 3600],
    [50, 3600],
  ])("after %i failures the wait is %i s", (failures, wait) => {
    expect(waitAfterFailures(failures, rule)).toBe(wait);
  });

  it("refills a bucket in proportion to time, up to its capacity", () => {
    const bucket = { capacity: 10, refillPerHour: 60 };
    expect(refill(0, 60, bucket)).toBe(1);
    expect(refill(2.5, 30, bucket)).toBe(3);
    expect(refill(9, 3600, bucket)).toBe(10);
  });
});
