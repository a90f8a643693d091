// Waiting on a condition instead of sleeping: polls until `check` returns something
// truthy (or stops throwing), and fails with the last answer after `timeoutMs`.
export async function waitFor<T>(
  check: () => Promise<T> | T,
  { timeoutMs = 30_000, everyMs = 50, what = "condition" } = {},
): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
