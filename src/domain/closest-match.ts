// Closest known ids to a mistyped one: "did you mean" in validator messages and 404 pages.

/** " (did you mean "x"?)" for the closest known id, or nothing. */
export function suggest(input: string, known: Iterable<string>): string {
  const best = closestMatches(input, known, 1)[0];
  return best ? ` (did you mean "${best}"?)` : "";
}

/**
 * The known names closest to the input, closest first. `maxDistance` (default: 2, or a third of
 * the input's length if more) is how far a name may be; one containing the input counts as 2.
 */
export function closestMatches(input: string, known: Iterable<string>, limit: number, maxDistance?: number): string[] {
  const scored: [string, number][] = [];
  const needle = input.toLowerCase();
  const within = maxDistance ?? Math.max(2, Math.floor(needle.length / 3));
  for (const k of known) {
    const d = editDistance(needle, k.toLowerCase());
    const contains = k.toLowerCase().includes(needle) || needle.includes(k.toLowerCase());
    const score = contains ? Math.min(d, 2) : d;
    if (score <= within) scored.push([k, score]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([k]) => k);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 12) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
