import { GOOD_RATINGS, serviceQuality as meta } from '../../../../shared/indicators/serviceQuality.ts';
import { notCounted, rateContribution, STARS, type ServerIndicator } from './types.ts';

export const serviceQuality = {
  ...meta,
  fraction: (c) => [c.managedFourStarPlus, c.managedEvaluated],
  classify: (c) => {
    if (!c.propertyManaged) return notCounted('无物业管理，不计入', '无物业管理');
    if (c.rating === null) return notCounted('有物业但未评价，不计入', '未评价');
    const good = GOOD_RATINGS.includes(c.rating);
    return rateContribution(
      good,
      `最近评定${STARS[c.rating]}${good ? '' : '（低于四星）'}`,
      good ? '四星及以上' : '低于四星',
    );
  },
} satisfies ServerIndicator;
