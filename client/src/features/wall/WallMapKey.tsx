/**
 * What the map's colours mean, with counts, in the map slot's lower-left corner: the judgement a
 * scene shades townships by (wallShading.ts), or the classes of the compound dots.
 */
import type { Rect } from './wallCanvas.ts';

export interface MapKeyItem {
  id: string;
  /** Already translated. */
  label: string;
  color: string;
  count: number;
}

/** `shape`: township areas (squares) or compound dots (circles). */
export function WallMapKey({
  title,
  items,
  unit,
  shape,
  slot,
}: {
  title: string;
  items: readonly MapKeyItem[];
  /** The counted thing after each count (个镇街, 个小区). */
  unit: string;
  shape: 'area' | 'dot';
  slot: Rect;
}) {
  return (
    <section
      className={`wall-map-key wall-map-key-${shape}`}
      style={{ left: slot.x + 16, bottom: 1080 - (slot.y + slot.height) + 16, maxWidth: slot.width - 32 }}
      data-testid="wall-map-key"
    >
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.id} className={item.count === 0 ? 'empty' : ''}>
            <span className="swatch" style={{ background: item.color }} />
            <span className="label">{item.label}</span>
            <span className="count" data-testid={`wall-map-key-${item.id}`}>
              {item.count}
              <small>{unit}</small>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
