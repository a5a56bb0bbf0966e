/**
 * The wall's URL: `?scenes=overview,board,movers,party,spotlight&interval=20&canvas=3840x1080&token=…`.
 * Unknown scenes are dropped; an empty or absent list means every scene; the interval is
 * clamped to 5–600 s (default 20 s; scenePlan.ts shortens scenes with nothing to show); the canvas override is W×H in pixels (letterboxed).
 */
/**
 * In rotation order: the city, who is on the 红黑榜 and why, what moved this week, the four layers, the lagging
 * townships, the open and overdue 督办 items (in the default rotation only when the city has items: scenePlan.ts).
 */
export const WALL_SCENES = [
  'overview',
  'board',
  'movers',
  'party',
  'committee',
  'rating',
  'issues',
  'spotlight',
  'supervision',
] as const;
export type WallScene = (typeof WALL_SCENES)[number];

export interface WallParams {
  scenes: WallScene[];
  intervalSeconds: number;
  canvas: { width: number; height: number } | null;
}

export const DEFAULT_INTERVAL_SECONDS = 20;

export function parseWallParams(search: string): WallParams {
  const params = new URLSearchParams(search);
  const scenes = (params.get('scenes') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is WallScene => (WALL_SCENES as readonly string[]).includes(s));
  const interval = Number(params.get('interval'));
  const canvasMatch = /^(\d{3,5})x(\d{3,5})$/.exec(params.get('canvas') ?? '');
  return {
    scenes: scenes.length ? [...new Set(scenes)] : [...WALL_SCENES],
    intervalSeconds:
      Number.isFinite(interval) && interval > 0 ? Math.min(600, Math.max(5, interval)) : DEFAULT_INTERVAL_SECONDS,
    canvas: canvasMatch ? { width: Number(canvasMatch[1]), height: Number(canvasMatch[2]) } : null,
  };
}
