import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../src/env.js";

describe("environment", () => {
  it("has defaults that serve http://localhost:3000 with a database under data/", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      port: 3000,
      baseUrl: "http://localhost:3000",
      nodeEnv: "production",
      watchCourses: false,
    });
    expect(env.databaseUrl).toMatch(/^file:.*data[/\\]sendero\.db$/);
  });

  it("lets PORT, DATABASE_URL and BASE_URL override the defaults", () => {
    const env = parseEnv({
      PORT: "8080",
      DATABASE_URL: "file:/srv/sendero.db",
      BASE_URL: "https://learn.example.org/",
    });
    expect(env).toMatchObject({
      port: 8080,
      databaseUrl: "file:/srv/sendero.db",
      baseUrl: "https://learn.example.org",
    });
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ SMTP_URL: "", PORT: "" })).toMatchObject({ smtpUrl: undefined, port: 3000 });
  });

  it("refuses invalid values with a message naming each variable", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", BASE_URL: "ftp://x", DATABASE_URL: "postgres://x", TRUST_PROXY: "maybe" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain('PORT: must be a port number (got "eighty")');
    expect(message).toContain("BASE_URL: must be an http:// or https:// URL");
    expect(message).toContain('DATABASE_URL: must be a SQLite file URL such as "file:/srv/sendero.db"');
    expect(message).toContain("TRUST_PROXY:");
  });

  it("watches courses in development only, unless told otherwise", () => {
    expect(parseEnv({ NODE_ENV: "development" }).watchCourses).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", WATCH_COURSES: "false" }).watchCourses).toBe(false);
  });

  it("sends Quick exit to a neutral site by default, or to an http(s) URL the admin chooses", () => {
    expect(parseEnv({}).quickExitUrl).toBe("https://weather.com/");
    expect(parseEnv({ QUICK_EXIT_URL: "https://news.example.org/today" }).quickExitUrl).toBe(
      "https://news.example.org/today",
    );
    for (const bad of ["javascript:alert(1)", "/weather", "ftp://x"])
      expect(() => parseEnv({ QUICK_EXIT_URL: bad })).toThrow("QUICK_EXIT_URL: must be an http:// or https:// URL");
  });
});
