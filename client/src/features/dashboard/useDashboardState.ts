/** The dashboard's view state, mirrored into the URL so a link reproduces the view. */
import { useCallback } from 'react';
import { codeParamSchema, oneOf } from '../../app/routes.ts';
import { useUrlParam } from '../../app/useUrlState.ts';
import { INDICATOR_ORDER, type ChoroplethMode, type IndicatorKey } from '../layers/choropleth.ts';
import { COVERAGE_LAYERS, type CoverageLayer } from '../layers/coverageLayers.ts';
import {
  DEFAULT_REPLAY_SPEED,
  REPLAY_PARAMS,
  replaySpeedSchema,
  replayWeekSchema,
  serialiseReplaySpeed,
} from '../time/replayParams.ts';
import type { ReplaySpeed } from '../../../../shared/time/weekCalendar.ts';

const identity = (v: string) => v;
const orNull = (v: string | null) => v;

export function useDashboardState(weeks: readonly string[]) {
  const [layer, setLayer, badLayer] = useUrlParam<CoverageLayer>('layer', oneOf(COVERAGE_LAYERS), identity, 'party');
  const [indicator, setIndicatorParam, badIndicator] = useUrlParam<IndicatorKey>(
    'indicator',
    oneOf(INDICATOR_ORDER),
    identity,
    'deliberationCoverage',
  );
  const [shade, setShadeParam, badShade] = useUrlParam<IndicatorKey | null>(
    'shade',
    oneOf(INDICATOR_ORDER),
    orNull,
    null,
  );
  // The selected tile, the map's shading (when on) and the ranking show one indicator: choosing
  // either of the first two moves the other, and the ranking follows (shade ?? indicator).
  const setShade = useCallback(
    (key: IndicatorKey | null) => {
      setShadeParam(key);
      if (key !== null) setIndicatorParam(key);
    },
    [setShadeParam, setIndicatorParam],
  );
  const setIndicator = useCallback(
    (key: IndicatorKey) => {
      setIndicatorParam(key);
      if (shade !== null) setShadeParam(key);
    },
    [shade, setShadeParam, setIndicatorParam],
  );
  const [mode, setMode, badMode] = useUrlParam<ChoroplethMode>(
    'mode',
    oneOf(['value', 'gap'] as const),
    identity,
    'value',
  );
  const lastWeek = weeks[weeks.length - 1]!;
  const [week, setWeek, badWeek] = useUrlParam<string>(
    'week',
    oneOf(weeks),
    useCallback((w: string) => (w === lastWeek ? null : w), [lastWeek]),
    lastWeek,
  );
  // The replay's range and speed: a copied link replays the same weeks at the same pace.
  const firstWeek = weeks[0]!;
  const [replayFrom, setReplayFrom, badReplayFrom] = useUrlParam<string>(
    REPLAY_PARAMS.from,
    replayWeekSchema(weeks),
    useCallback((w: string) => (w === firstWeek ? null : w), [firstWeek]),
    firstWeek,
  );
  const [replayTo, setReplayTo, badReplayTo] = useUrlParam<string>(
    REPLAY_PARAMS.to,
    replayWeekSchema(weeks),
    useCallback((w: string) => (w === lastWeek ? null : w), [lastWeek]),
    lastWeek,
  );
  const [replaySpeed, setReplaySpeed, badReplaySpeed] = useUrlParam<ReplaySpeed>(
    REPLAY_PARAMS.speed,
    replaySpeedSchema,
    serialiseReplaySpeed,
    DEFAULT_REPLAY_SPEED,
  );
  const badReplay = badReplayFrom || badReplayTo || badReplaySpeed;
  const [compound, setCompound, badCompound] = useUrlParam<string | null>('compound', codeParamSchema, orNull, null);
  const [township, setTownship, badTownship] = useUrlParam<string | null>('township', codeParamSchema, orNull, null);
  return {
    layer,
    setLayer,
    indicator,
    setIndicator,
    shade,
    setShade,
    mode,
    setMode,
    week,
    setWeek,
    compound,
    setCompound,
    township,
    setTownship,
    replay: { from: replayFrom, to: replayTo, speed: replaySpeed },
    setReplayFrom,
    setReplayTo,
    setReplaySpeed,
    invalidUrl: badLayer || badIndicator || badShade || badMode || badWeek || badCompound || badTownship || badReplay,
    /** Invalid apart from the week (which the week-outside notice names on its own). */
    invalidBesidesWeek: badLayer || badIndicator || badShade || badMode || badCompound || badTownship || badReplay,
  };
}
