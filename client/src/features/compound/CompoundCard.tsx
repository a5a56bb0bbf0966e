/** A compound's key facts on the as-of day and its dated history, beside the map. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { hrefs } from '../../app/routes.ts';
import { trpc } from '../../app/trpc.ts';
import { SideCard } from './SideCard.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { classOf, LAYER_CLASSES, type CompoundRow, type CoverageLayer } from '../layers/coverageLayers.ts';

const PARTY = {
  standalone: 'class.party.standalone',
  combined: 'class.party.combined',
  joint: 'class.party.joint',
} as const;

export function CompoundCard({ compound, asOf, onClose }: { compound: CompoundRow; asOf: string; onClose(): void }) {
  const { t } = useI18n();
  const history = useQuery(trpc.compounds.history.queryOptions({ code: compound.code, asOf }));
  const label = (layer: CoverageLayer) => {
    const cls = LAYER_CLASSES[layer].find((c) => c.id === classOf(layer, compound))!;
    return (
      <span className="chip" style={{ borderColor: cls.color }}>
        {t(cls.label)}
      </span>
    );
  };
  const h = history.data;
  const events = h
    ? [
        ...h.partyOrganisations.map((o) => ({
          date: o.establishedOn,
          text: `${t('card.partyOrg')}：${o.name}（${t(PARTY[o.type])}）${o.dissolvedOn ? ` ${t('card.until', { date: o.dissolvedOn })}` : ''}`,
        })),
        ...h.committeeTerms.map((c) => ({
          date: c.formedOn,
          text: `${t('card.committee')}：${t('card.members', { members: c.members, party: c.partyMembers })} ${t('card.until', { date: c.endedOn ?? c.termEnd })}`,
        })),
        ...h.contracts.map((k) => ({
          date: k.startOn,
          text: `${t('card.property')}：${k.company}${k.endOn ? ` ${t('card.until', { date: k.endOn })}` : ''}`,
        })),
        ...h.evaluations.map((e) => ({
          date: e.evaluatedOn,
          text: `${t('card.rating')}：${t(`class.rating.${e.rating}`)}（${e.score}）`,
        })),
      ].sort((a, b) => (a.date < b.date ? 1 : -1))
    : [];
  return (
    <SideCard
      title={compound.name}
      subtitle={`${compound.townshipName} · ${compound.community} · ${compound.code}`}
      testId="compound-card"
      onClose={onClose}
    >
      <dl className="facts">
        <dt>{t('card.households')}</dt>
        <dd>{compound.households.toLocaleString()}</dd>
        <dt>{t('card.kind')}</dt>
        <dd>{t(`kind.${compound.kind}`)}</dd>
        <dt>{t('card.property')}</dt>
        <dd>{compound.propertyCompany ?? t('card.noProperty')}</dd>
        <dt>{t('card.partyOrg')}</dt>
        <dd>{label('party')}</dd>
        <dt>{t('card.committee')}</dt>
        <dd>{label('committee')}</dd>
        <dt>{t('card.rating')}</dt>
        <dd>{label('rating')}</dd>
        <dt>{t('card.lastMeeting')}</dt>
        <dd>{compound.lastMeetingDate ?? t('card.none')}</dd>
        <dt>{t('card.issues')}</dt>
        <dd>{t('card.openIssues', { open: compound.openIssues, overdue: compound.overdueIssues })}</dd>
      </dl>
      <h3>{t('card.history')}</h3>
      <ol className="timeline">
        {events.slice(0, 12).map((e, i) => (
          <li key={i}>
            <time>{e.date}</time> {e.text}
          </li>
        ))}
        {h && h.meetings.length > 0 && (
          <li>
            <time>{h.meetings[0]!.heldOn}</time> {t('card.meetingsInYear', { count: h.meetings.length })}
          </li>
        )}
      </ol>
      <p>
        <Link href={hrefs.compound(compound.code, { asOf })} className="button" data-testid="full-record-link">
          {t('card.fullRecord')} →
        </Link>
      </p>
    </SideCard>
  );
}
