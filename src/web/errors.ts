// Typed errors that services and routes throw; error-handler.ts renders them.
// `messageKey` is a message-catalog key so the page speaks the learner's language.
import type { Params } from "../i18n/i18n.js";

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly messageKey: string,
    readonly params: Params = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${messageKey}`);
  }
}

export const notFound = () => new HttpError(404, "error.404.message");
export const forbidden = (messageKey = "error.403.message", params: Params = {}) =>
  new HttpError(403, messageKey, params);
export const badRequest = (messageKey: string, params: Params = {}) => new HttpError(400, messageKey, params);
export const conflict = (messageKey: string, params: Params = {}) => new HttpError(409, messageKey, params);
export const tooManyRequests = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  // `count` chooses the plural form ("1 minute", "5 minutes").
  return new HttpError(
    429,
    "error.429.message",
    { minutes, count: minutes },
    { "Retry-After": String(retryAfterSeconds) },
  );
};
