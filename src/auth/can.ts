// The one place that answers "may this person do this?". Routes ask; services trust the
// answer and still check ownership of what they load. Organisation actions take the
// viewer's role in that organisation (and, for cohorts, whether they train it).
import type { PlatformRole } from "./queries.js";

export type Viewer = { id: string; platformRole: PlatformRole } | null;
export type OrgScope = { orgRole: "admin" | "trainer" | null; trainsCohort?: boolean };

type SignedIn = NonNullable<Viewer>;
const isAdmin = (v: SignedIn) => v.platformRole === "admin";
const isTrainer = (v: SignedIn) => v.platformRole === "trainer" || v.platformRole === "admin";
const anyone = () => true;

const RULES = {
  /** Lessons, quizzes (to read), glossaries and resources are public. */
  "content:read": { anonymous: true, signedIn: anyone },
  "progress:track": { anonymous: false, signedIn: anyone },
  "account:manage": { anonymous: false, signedIn: anyone },
  /** Platform trainers and admins; organisation staff too (checked with their scope). */
  "courses:preview-drafts": { anonymous: false, signedIn: (v: SignedIn, s?: OrgScope) => isTrainer(v) || !!s?.orgRole },
  /** Aggregated evaluation-survey results of a whole course (cohorts see their own). */
  "surveys:view-results": { anonymous: false, signedIn: isTrainer },
  "admin:access": { anonymous: false, signedIn: isAdmin },
  "users:manage": { anonymous: false, signedIn: isAdmin },
  "certificates:revoke": { anonymous: false, signedIn: isAdmin },
  "orgs:create": { anonymous: false, signedIn: isAdmin },
  "org:view": { anonymous: false, signedIn: (v: SignedIn, s?: OrgScope) => isAdmin(v) || !!s?.orgRole },
  "org:manage": { anonymous: false, signedIn: (v: SignedIn, s?: OrgScope) => isAdmin(v) || s?.orgRole === "admin" },
  "cohort:view": {
    anonymous: false,
    signedIn: (v: SignedIn, s?: OrgScope) =>
      isAdmin(v) || s?.orgRole === "admin" || (s?.orgRole === "trainer" && !!s.trainsCohort),
  },
  "cohort:manage": { anonymous: false, signedIn: (v: SignedIn, s?: OrgScope) => isAdmin(v) || s?.orgRole === "admin" },
} satisfies Record<string, { anonymous: boolean; signedIn: (viewer: SignedIn, scope?: OrgScope) => boolean }>;

export type Action = keyof typeof RULES;

export function can(viewer: Viewer, action: Action, scope?: OrgScope): boolean {
  const rule = RULES[action];
  return viewer ? rule.signedIn(viewer, scope) : rule.anonymous;
}
