import { idProblem, jobId, servicePrincipalId, userId } from "./ids";

const SP_ROUTE = /^\/service-principals\/([^/]+)(?:\/jobs\/([^/]+)(?:\/configure|\/logs|\/provision|\/mappings)?)?\/?$/;
const PERSON_ROUTE = /^\/people\/([^/]+)\/?$/;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** True when a console URL names a service principal, job or person with an id that cannot exist (never sent to Graph). */
export function hasMalformedId(pathname: string): boolean {
  const person = PERSON_ROUTE.exec(pathname);
  if (person) {
    const id = decoded(person[1]);
    return id === null || idProblem(userId, id) !== null;
  }
  const match = SP_ROUTE.exec(pathname);
  if (!match) return false; // not an id route (the list, or a path Next answers 404 for anyway)
  const [, sp, job] = match;
  const spId = decoded(sp);
  if (spId === null || idProblem(servicePrincipalId, spId)) return true;
  if (job === undefined) return false;
  const id = decoded(job);
  return id === null || idProblem(jobId, id) !== null;
}
