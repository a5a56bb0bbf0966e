/**
 * Drawing a selection on the map. Polygon: click the vertices, finish with a double click,
 * Enter or the 完成 button; rectangle: two opposite corners; radius: the centre, then a point
 * on the edge. Escape cancels. The shape being drawn follows the pointer.
 */
import { distance } from '@turf/turf';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Position, SpatialSelection } from '../../../../shared/workbench/spatialSelection.ts';

export type DrawMode = 'polygon' | 'rect' | 'circle';

const same = (a: Position, b: Position) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

export function shapeOf(mode: DrawMode, points: readonly Position[]): SpatialSelection | null {
  if (mode === 'polygon') return points.length >= 3 ? { kind: 'polygon', ring: [...points] } : null;
  if (points.length < 2) return null;
  const [a, b] = points as [Position, Position];
  if (mode === 'rect') {
    const bbox: [number, number, number, number] = [
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[0], b[0]),
      Math.max(a[1], b[1]),
    ];
    return bbox[0] < bbox[2] && bbox[1] < bbox[3] ? { kind: 'rect', bbox } : null;
  }
  const radiusM = distance(a, b, { units: 'meters' });
  return radiusM > 0 ? { kind: 'circle', centre: a, radiusM } : null;
}

export function useDrawing(onDone: (selection: SpatialSelection) => void) {
  const [mode, setMode] = useState<DrawMode | null>(null);
  const [points, setPoints] = useState<Position[]>([]);
  const [pointer, setPointer] = useState<Position | null>(null);

  const cancel = useCallback(() => {
    setMode(null);
    setPoints([]);
    setPointer(null);
  }, []);

  const finish = useCallback(
    (final: Position[]) => {
      if (!mode) return;
      const shape = shapeOf(mode, final);
      cancel();
      if (shape) onDone(shape);
    },
    [mode, cancel, onDone],
  );

  const addPoint = useCallback(
    (p: Position) => {
      if (!mode) return;
      const last = points[points.length - 1];
      // The second click of a double click lands on the last vertex: that finishes a polygon.
      if (mode === 'polygon' && last && same(last, p)) return finish(points);
      const next = [...points, p];
      if (mode !== 'polygon' && next.length === 2) return finish(next);
      setPoints(next);
    },
    [mode, points, finish],
  );

  useEffect(() => {
    if (!mode) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
      else if (e.key === 'Enter' && mode === 'polygon') finish(points);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, points, cancel, finish]);

  /** The shape as it would be if the pointer were clicked now (for the preview). */
  const preview = useMemo(
    () => (mode && pointer ? shapeOf(mode, [...points, pointer]) : null),
    [mode, points, pointer],
  );

  return {
    mode,
    points,
    preview,
    start: (m: DrawMode) => {
      setMode(m);
      setPoints([]);
    },
    cancel,
    finish: () => finish(points),
    addPoint,
    setPointer: mode ? setPointer : undefined,
  };
}
