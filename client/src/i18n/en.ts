import type { MessageKey } from './zh-CN.ts';

export const en: Record<MessageKey, string> = {
  'app.title': 'Residential Compound Governance Map',
  'app.city': 'Jinjiang',
  'app.demoBadge': 'Demo data',
  'app.demoBadgeHint': 'Generated from published figures; not a real ledger',
  'app.approximateBoundaries': 'Approximate boundaries',
  'app.approximateBoundariesHint': 'Township boundaries are derived from township seats, for orientation only',
  'app.loading': 'Loading…',
  'app.loadError': 'Could not load data: {message}',
  'app.language': '中文',
  'overview.townships': 'Townships',
  'overview.compounds': 'Compounds',
  'overview.households': 'Households',
  'overview.propertyManaged': 'Property managed',
  'overview.partyOrg': 'Party organisation',
  'overview.committee': 'Committee in office',
  'overview.asOf': 'As of {date}',
  'overview.compoundCount': '{count} compounds',
  'township.kind.subdistrict': 'Subdistrict',
  'township.kind.town': 'Town',
};
