import { isGoodRating, serviceQuality as meta } from '../../../../shared/indicators/serviceQuality.ts';
import { sayer } from '../../../../shared/indicators/reasons.ts';
import { notCounted, rateContribution, type ServerIndicator } from './types.ts';

const say = sayer(meta.reasons);

export const serviceQuality = {
  ...meta,
  fraction: (c) => [c.managedFourStarPlus, c.managedEvaluated],
  classify: (c) => {
    if (!c.propertyManaged) return notCounted(say('unmanaged'));
    if (c.rating === null) return notCounted(say('unrated'));
    const stars = c.rating;
    return isGoodRating(stars)
      ? rateContribution(true, say('ratedGood', { stars }))
      : rateContribution(false, say('ratedLow', { stars }));
  },
} satisfies ServerIndicator;
