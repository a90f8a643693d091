// What the orgs feature reports to people: a message-catalog key and its parameters, never
// English text, so previews and errors are translated like the rest of the UI.
export type Issue = { key: string; params?: Record<string, string | number> }; // a message-catalog key + params

/** Cuts user text quoted back in a message, so one absurd cell cannot swamp the page. */
export function excerpt(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Problems listed at once about a file as a whole; past that, one line counts the rest. */
export const MAX_FILE_ISSUES = 10;

export function capIssues(issues: Issue[], max = MAX_FILE_ISSUES): Issue[] {
  if (issues.length <= max) return issues;
  return [...issues.slice(0, max), { key: "csv.file.moreProblems", params: { count: issues.length - max } }];
}
