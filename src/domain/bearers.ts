// A penalty reaches a duty only through its bearer. A tier names the actors its article punishes
// (`punishes`); a duty names the actors it binds. The tier belongs under the duty when one of the
// actors it punishes is one of the duty's bearers, or a kind of one, or the reverse (a tier that
// punishes CII operators under a duty of every network operator). For a role set the test is
// tighter: one of the roles must be a kind of a bearer and of an actor the tier punishes, so that
// an internet service provider is not shown the fine for a CII operator.

/** `isA(x, y)`: x is y or a kind of y (y is in x's lineage). */
export type IsA = (x: string, y: string) => boolean;

/**
 * Whether a tier that punishes `punishes` reaches a duty borne by `bearers`; for `roles`, whether
 * it reaches them. A tier that names no one (not yet re-read) punishes the duty's own bearers.
 */
export function punishesBearer(punishes: readonly string[] | undefined, bearers: readonly string[], isA: IsA, roles?: readonly string[]): boolean {
  if (punishes === undefined) return true;
  if (roles !== undefined) return roles.some((r) => bearers.some((b) => isA(r, b)) && punishes.some((x) => isA(r, x)));
  return punishes.some((x) => bearers.some((b) => isA(x, b) || isA(b, x)));
}
