/**
 * Which labels of the date axis fit its width: "today" first, then each month label that overlaps
 * neither it nor one already placed and stays inside the axis. A label near the right edge is
 * flipped to end at its line instead of starting there. Widths are estimated from the text length,
 * generously, so that a narrow axis (a phone) shows every second or third month instead of a smear.
 */

export interface AxisLabel {
  date: string;
  label: string;
}

export interface PlacedLabel extends AxisLabel {
  /** Percentage from the axis's left edge: where its line is. */
  left: number;
  /** The label ends at its line (near the right edge) instead of starting there. */
  flip: boolean;
}

/** Estimated width in pixels of a label of the axis (0.75rem text, a border and padding). */
export function labelWidth(label: string, fontPx = 12): number {
  return Math.ceil(label.length * fontPx * 0.62) + 8;
}

/** The gap in pixels kept between two labels. */
const GAP = 6;

export function fitLabels(
  months: readonly AxisLabel[],
  today: AxisLabel | null,
  positionOf: (date: string) => number,
  widthPx: number,
): { months: PlacedLabel[]; today: PlacedLabel | null } {
  if (widthPx <= 0) return { months: [], today: null };
  const taken: Array<[number, number]> = [];
  const place = (item: AxisLabel): PlacedLabel | null => {
    const left = positionOf(item.date);
    const x = (left / 100) * widthPx;
    const w = labelWidth(item.label);
    const flip = x + w > widthPx;
    const [from, to] = flip ? [x - w, x] : [x, x + w];
    if (from < 0 || to > widthPx) return null;
    if (taken.some(([a, b]) => from < b + GAP && to > a - GAP)) return null;
    taken.push([from, to]);
    return { ...item, left, flip };
  };
  const placedToday = today ? place(today) : null;
  const placed = months.map(place).filter((t): t is PlacedLabel => t !== null);
  return { months: placed, today: placedToday };
}
