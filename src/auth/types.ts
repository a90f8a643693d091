// Words of the accounts feature, defined once (see CONTEXT.md).
import type { AppDeps } from "../deps.js";

export type AuthDeps = Pick<AppDeps, "db" | "clock" | "rateLimiter" | "mailer" | "env" | "log">;

/** What a service may know about the request: never stored as is (IPs are only hashed). */
export type RequestMeta = { ip: string; userAgent: string | undefined; locale: string };

export type SignedIn = { token: string; expiresAt: Date; userId: string };
