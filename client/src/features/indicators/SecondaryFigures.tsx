/** The figures beside the five indicators: red committees, 一肩挑, issues, star ratings. */
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LAYER_CLASSES } from '../layers/coverageLayers.ts';

type Secondary = RouterOutputs['metrics']['report']['city']['secondary'];

export function SecondaryFigures({ figures, title }: { figures: Secondary; title?: string | undefined }) {
  const { t } = useI18n();
  const ratingClasses = LAYER_CLASSES.rating.filter((c) => c.id in figures.ratings);
  const rated = ratingClasses.reduce((n, c) => n + figures.ratings[c.id as keyof Secondary['ratings']], 0) || 1;
  return (
    <section className="secondary" aria-label={title ?? t('secondary.title')} data-testid="secondary-figures">
      <h2>{title ?? t('secondary.title')}</h2>
      <dl>
        <div>
          <dt>{t('secondary.partyMajority')}</dt>
          <dd>
            {figures.partyMajorityCommittees}
            <small> / {figures.committeesInOffice}</small>
          </dd>
        </div>
        <div>
          <dt>{t('secondary.chairIsSecretary')}</dt>
          <dd>{figures.chairIsSecretary}</dd>
        </div>
        <div>
          <dt>{t('secondary.openIssues')}</dt>
          <dd>{figures.openIssues}</dd>
        </div>
        <div>
          <dt>{t('secondary.overdueIssues')}</dt>
          <dd className={figures.overdueIssues > 0 ? 'bad' : ''}>{figures.overdueIssues}</dd>
        </div>
        <div>
          <dt>{t('secondary.modelHomes')}</dt>
          <dd>{figures.modelHomes}</dd>
        </div>
        <div>
          <dt>{t('secondary.managed')}</dt>
          <dd>{figures.managed}</dd>
        </div>
      </dl>
      <h3>{t('secondary.ratings')}</h3>
      <div className="stack-bar" role="img" aria-label={t('secondary.ratings')}>
        {ratingClasses.map((c) => (
          <span
            key={c.id}
            style={{ flexGrow: figures.ratings[c.id as keyof Secondary['ratings']], background: c.color }}
            title={`${t(c.label)} ${figures.ratings[c.id as keyof Secondary['ratings']]}`}
          />
        ))}
      </div>
      <ul className="stack-legend small">
        {ratingClasses.map((c) => {
          const n = figures.ratings[c.id as keyof Secondary['ratings']];
          return (
            <li key={c.id}>
              <span className="swatch" style={{ background: c.color }} />
              {t(c.label)} {n}
              <span className="muted"> · {((n / rated) * 100).toFixed(0)}%</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
