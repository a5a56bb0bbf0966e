/**
 * The ledger dry run's first lines when the import would replace the demonstration: in red, what
 * it deletes (with the real counts), then what it imports; and the field where the person types
 * the city's name to confirm (the server checks it too).
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

type Deletion = NonNullable<RouterOutputs['ledger']['import']['deletes']>;

export function DemoDeletionWarning({ deletes, imports }: { deletes: Deletion; imports: number }) {
  const { t } = useI18n();
  return (
    <div className="destructive-warning" role="alert" data-testid="deletion-warning">
      <strong>{t('admin.deletes.title', { compounds: deletes.compounds })}</strong>
      <p>
        {t('admin.deletes.detail', {
          issues: deletes.residentIssues,
          petitions: deletes.petitions,
          meetings: deletes.meetings,
          evaluations: deletes.evaluations,
          terms: deletes.committeeTerms,
          orgs: deletes.partyOrganisations,
          communities: deletes.communities,
          companies: deletes.propertyCompanies,
          weeks: deletes.reviewedWeeks,
          accounts: deletes.demoAccounts,
        })}
      </p>
      <p>{t('admin.deletes.after', { count: imports })}</p>
    </div>
  );
}

export function CityConfirmation({
  city,
  typed,
  onType,
}: {
  city: string;
  typed: string;
  onType: (value: string) => void;
}) {
  const { t } = useI18n();
  const wrong = typed.trim() !== '' && typed.trim() !== city;
  return (
    <label className="confirm-city">
      {t('admin.confirmCity', { city })}{' '}
      <input value={typed} onChange={(e) => onType(e.target.value)} data-testid="confirm-city" autoComplete="off" />
      {wrong && <span className="error"> {t('admin.confirmCityMismatch', { city })}</span>}
    </label>
  );
}
