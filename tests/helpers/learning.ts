// Completing the fixture course through the real HTTP routes.
import { ORIGIN, type signedInAgent } from "./accounts.js";

type Agent = Awaited<ReturnType<typeof signedInAgent>>;

export const RIGHT_BASICS = {
  "q.single": "right",
  "q.multi": ["a", "b"],
  "q.tf": "false",
  "q.short": "Lisbon",
  "q.number": "2001",
  "q.match.pt": "Lisbon",
  "q.match.es": "Madrid",
  "q.order.one": "1",
  "q.order.two": "2",
  "q.order.three": "3",
};

export async function completeBasics(agent: Agent, origin = ORIGIN): Promise<void> {
  for (const lesson of ["first-lesson", "second-lesson"]) {
    await agent
      .post(`/courses/fixture-course/basics/${lesson}/complete`)
      .set("Origin", origin)
      .type("form")
      .send({ done: "true" })
      .expect(303);
  }
  await agent
    .post("/courses/fixture-course/basics/quiz")
    .set("Origin", origin)
    .type("form")
    .send({ ...RIGHT_BASICS, attempt: "1" } as unknown as Record<string, string>)
    .expect(303);
}

export async function completeFixtureCourse(agent: Agent, origin = ORIGIN): Promise<void> {
  await completeBasics(agent, origin);
  await agent
    .post("/courses/fixture-course/advanced/deep/complete")
    .set("Origin", origin)
    .type("form")
    .send({ done: "true" })
    .expect(303);
}
