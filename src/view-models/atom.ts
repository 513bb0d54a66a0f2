// An Atom (RFC 4287) feed of change events. Dates come from the rules, never from the clock,
// so the same rules always give the same feed.
import type { ChangeEvent } from "../query/change-history.js";

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
const stamp = (date: string) => `${date}T00:00:00Z`;
const TAG = "tag:china-law-explorer.invalid,2026:";

export interface FeedOptions {
  id: string; // path of the feed, e.g. /feed.atom
  title: string;
  alternate: string; // path of the page the feed follows
  updated: string; // YYYY-MM-DD
  origin: string;
}

export function atomFeed(events: readonly ChangeEvent[], o: FeedOptions): string {
  const entries = events.map(
    (e) => `  <entry>
    <id>${xml(`${TAG}${e.id}`)}</id>
    <title>${xml(e.title)}</title>
    <updated>${stamp(e.date)}</updated>
    <link rel="alternate" type="text/html" href="${xml(o.origin + e.href)}"/>
    <category term="${e.kind}"/>
    <summary>${xml(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(`${TAG}${o.id}`)}</id>
  <title>${xml(o.title)}</title>
  <updated>${stamp(o.updated)}</updated>
  <author><name>China Law Explorer</name></author>
  <link rel="self" type="application/atom+xml" href="${xml(o.origin + o.id)}"/>
  <link rel="alternate" type="text/html" href="${xml(o.origin + o.alternate)}"/>
${entries.join("\n")}
</feed>
`;
}
