/**
 * The city this deployment serves, as the server describes it (system.info → city): its name,
 * map extent, outline, neighbours and label positions. The client knows no city of its own; the
 * pages draw their basemap from this. Undefined until the first answer.
 */
import { useQuery } from '@tanstack/react-query';
import type { CityMapConfig } from '../../../shared/city/cityDefinition.ts';
import type { Locale } from '../i18n/index.tsx';
import { trpc } from './trpc.ts';

export function useCity(): CityMapConfig | undefined {
  return useQuery({ ...trpc.system.info.queryOptions(), select: (info) => info.city }).data;
}

/** The city's name in the reader's language (晋江市 / Jinjiang). */
export function cityName(city: Pick<CityMapConfig, 'name' | 'nameEn'> | undefined, locale: Locale): string {
  if (!city) return '';
  return locale === 'en' ? city.nameEn : city.name;
}
