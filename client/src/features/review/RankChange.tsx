/** ↑n / ↓n / – for a rank change (positive = moved up). */
export function RankChange({ change }: { change: number | null }) {
  if (change === null) return <span className="muted">·</span>;
  if (change === 0) return <span className="muted">–</span>;
  return <span className={change > 0 ? 'up' : 'down'}>{change > 0 ? `↑${change}` : `↓${-change}`}</span>;
}
