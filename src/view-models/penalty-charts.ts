// Server-rendered SVG charts of penalty ranges: fines on a log scale, custody on one time axis
// (days to life). Open upper bounds run to the edge and end in an arrow, never a guessed cap.
import { formatNumber } from "../domain/penalty-arithmetic.js";
import type { PenaltyRow } from "../query/penalty-table.js";

export interface ChartBar {
  label: string;
  href: string;
  x1: number;
  x2: number;
  y: number;
  open: boolean;
  point: boolean; // min unknown: drawn from the axis start, dashed
  text: string;
}

export interface Chart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  ticks: { x: number; label: string }[];
  bars: ChartBar[];
  axisX: number;
  plotRight: number;
}

// Each row: its label on a line of its own, the bar below it, so that a long label ("Criminal
// Law Art. 286-1 (2024) · individual") is never cut off and the chart can shrink to a phone.
const WIDTH = 640;
const LABEL_WIDTH = 24; // the plot's left edge (labels sit above the bars, from here); room for the first tick's label
const ROW = 34;
const TOP = 22;
const ARROW = 14; // the arrow head's length, in the viewBox's units

function logScale(min: number, max: number) {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return (v: number) => LABEL_WIDTH + ((Math.log10(Math.max(v, min)) - lo) / (hi - lo)) * (WIDTH - LABEL_WIDTH - 30);
}

/** A bar's label names the step that brings the figure: no figure without its condition. */
function barLabel(r: PenaltyRow): string {
  return `${r.label} · ${r.bearer} · ${r.levelLabel.charAt(0).toLowerCase()}${r.levelLabel.slice(1)}`;
}

export function fineChart(rows: readonly PenaltyRow[]): Chart {
  const withFine = rows.filter((r) => r.fineMax !== undefined).slice(0, 25);
  const x = logScale(1_000, 100_000_000);
  const end = WIDTH - 30;
  return {
    id: "fine-chart",
    title: "Fine ranges (RMB, log scale)",
    description: `Fine range of each of the ${withFine.length} rows shown, from its minimum to its maximum; an arrow marks a fine with no upper limit.`,
    width: WIDTH,
    height: TOP + withFine.length * ROW + 10,
    axisX: LABEL_WIDTH,
    plotRight: end,
    ticks: [1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000].map((v) => ({ x: x(v), label: v >= 1_000_000 ? `${v / 1_000_000}m` : `${v / 1_000}k` })),
    bars: withFine.map((r, i) => {
      const open = r.fineMax === Infinity;
      const lo = r.fineMin ?? 0;
      return {
        label: barLabel(r),
        href: r.href,
        x1: lo > 0 ? x(lo) : LABEL_WIDTH,
        x2: open ? end - ARROW : x(r.fineMax as number), // an open bound: the arrow head ends at the edge
        y: TOP + i * ROW,
        open,
        point: lo === 0,
        text: r.fineText || (open ? `≥ RMB ${formatNumber(lo)}` : ""),
      };
    }),
  };
}

export function custodyChart(rows: readonly PenaltyRow[]): Chart {
  const withCustody = rows.filter((r) => r.custodyMaxDays !== undefined).slice(0, 25);
  const x = logScale(1, 365 * 25);
  const end = WIDTH - 30;
  return {
    id: "custody-chart",
    title: "Custody ranges (days to years, log scale)",
    description: `Longest custodial sanction of each of the ${withCustody.length} rows shown: detention in days, imprisonment in months or years, converted to one time axis; an arrow marks life imprisonment or an open upper bound.`,
    width: WIDTH,
    height: TOP + withCustody.length * ROW + 10,
    axisX: LABEL_WIDTH,
    plotRight: end,
    ticks: [
      [1, "1 day"],
      [15, "15 days"],
      [180, "6 months"],
      [365 * 3, "3 years"],
      [365 * 10, "10 years"],
    ].map(([v, label]) => ({ x: x(v as number), label: label as string })),
    bars: withCustody.map((r, i) => {
      const open = r.custodyMaxDays === Infinity;
      const lo = r.custodyMinDays ?? 0;
      return {
        label: barLabel(r),
        href: r.href,
        x1: lo > 0 && lo !== Infinity ? x(lo) : LABEL_WIDTH,
        x2: open ? end - ARROW : x(r.custodyMaxDays as number),
        y: TOP + i * ROW,
        open,
        point: lo === 0,
        text: r.custodyText,
      };
    }),
  };
}

export function penaltyCharts(rows: readonly PenaltyRow[]): Chart[] {
  return [fineChart(rows), custodyChart(rows)].filter((c) => c.bars.length > 0);
}
