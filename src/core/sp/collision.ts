/**
 * Two values that had to agree and did not: what the run sent, and what the receiving side holds. Carried by a
 * failed check or a vendor's refusal, so a reproduction can set the two side by side.
 */
export interface Collision {
  what: string;
  /** What the run sent, and where it sits. */
  sent: { where: string; value: string };
  /** What the receiving side holds, and where it is set. */
  held: { where: string; values: string[] };
}

export function collision(what: string, sent: { where: string; value: string }, held: { where: string; values: readonly string[] }): Collision {
  return { what, sent, held: { where: held.where, values: [...held.values] } };
}
