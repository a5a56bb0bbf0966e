/**
 * The colour language as CSS custom properties, so stylesheets (app.css, wall.css) use the same
 * values as deck.gl layers and charts without repeating them. The client sets them on :root at
 * start-up; the pack writes its own (print) set into its <style>.
 */
import { CATEGORICAL } from './categorical.ts';
import { CHANGE_COLOURS, LIST_COLOURS, STATUS_COLOURS, type Ground } from './judgement.ts';

export function cssVariables(ground: Ground): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [status, swatch] of Object.entries(STATUS_COLOURS)) out[`--status-${status}`] = swatch[ground];
  out['--change-better'] = CHANGE_COLOURS.better[ground];
  out['--change-worse'] = CHANGE_COLOURS.worse[ground];
  out['--list-red'] = LIST_COLOURS.red[ground];
  out['--list-black'] = LIST_COLOURS.black[ground];
  for (const [name, swatch] of Object.entries(CATEGORICAL)) out[`--cat-${name}`] = swatch[ground];
  return out;
}

/** `:root { --status-met: …; … }` for a stylesheet. */
export function cssVariablesBlock(selector: string, ground: Ground): string {
  const body = Object.entries(cssVariables(ground))
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');
  return `${selector} { ${body} }`;
}
