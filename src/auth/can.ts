// The one place that answers "may this person do this?". Routes ask; services trust the
// answer and still check ownership of what they load. Organisation roles join here
// when organisations exist (src/orgs).
import type { PlatformRole } from "./queries.js";

export type Viewer = { id: string; platformRole: PlatformRole } | null;

const isAdmin = (v: NonNullable<Viewer>) => v.platformRole === "admin";
const isTrainer = (v: NonNullable<Viewer>) => v.platformRole === "trainer" || v.platformRole === "admin";
const anyone = () => true;

const RULES = {
  /** Lessons, quizzes (to read), glossaries and resources are public. */
  "content:read": { anonymous: true, signedIn: anyone },
  "progress:track": { anonymous: false, signedIn: anyone },
  "account:manage": { anonymous: false, signedIn: anyone },
  "courses:preview-drafts": { anonymous: false, signedIn: isTrainer },
  /** Aggregated evaluation-survey results of a whole course (cohort views come with organisations). */
  "surveys:view-results": { anonymous: false, signedIn: isTrainer },
  "admin:access": { anonymous: false, signedIn: isAdmin },
  "users:manage": { anonymous: false, signedIn: isAdmin },
  "certificates:revoke": { anonymous: false, signedIn: isAdmin },
} satisfies Record<string, { anonymous: boolean; signedIn: (viewer: NonNullable<Viewer>) => boolean }>;

export type Action = keyof typeof RULES;

export function can(viewer: Viewer, action: Action): boolean {
  const rule = RULES[action];
  return viewer ? rule.signedIn(viewer) : rule.anonymous;
}
