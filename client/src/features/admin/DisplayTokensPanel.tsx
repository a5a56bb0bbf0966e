/**
 * Wall screens on /admin (the accounts duty): make a display token with a name and the last day
 * it works; it is shown once, as the wall's full address (this site + /wall?token=…, which the
 * wall reads and then takes out of its address bar, wallToken.ts) and as a QR code to open it on
 * the wall PC. The list shows each token's dates, last use and state; revoking one stops a wall
 * that uses it within seconds (its live stream ends and the wall says the token no longer works).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { toDataURL } from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { addDays, shanghaiDateTime, todayInCity } from '../../../../shared/time/dates.ts';
import { trpc, trpcClient, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { OneTimeSecret } from './OneTimeSecret.tsx';
import './adminAccounts.css';

type Token = RouterOutputs['admin']['displayTokens'][number];

/**
 * The last moment a token works, in Shanghai: one chosen as "valid through a day" ends at that
 * day's midnight, shown as that day's 24:00 rather than the next day's 00:00.
 */
export function validUntil(expiresAt: string): string {
  const at = shanghaiDateTime(expiresAt);
  return at.endsWith(' 00:00') ? `${addDays(at.slice(0, 10), -1)} 24:00` : at;
}

export function wallAddress(origin: string, token: string): string {
  return `${origin}/wall?token=${encodeURIComponent(token)}`;
}

export function DisplayTokensPanel() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.admin.displayTokens.queryOptions());
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState(() => addDays(todayInCity(), 365));
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; address: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.admin.displayTokens.queryFilter());

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const made = await trpcClient.admin.createDisplayToken.mutate({ name, expiresOn });
      setCreated({ name: made.name, address: wallAddress(window.location.origin, made.token) });
      setName('');
    } catch (e) {
      setError((e as Error).message);
    }
    await refresh();
  }

  async function revoke(token: Token) {
    if (!window.confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    setError(null);
    try {
      await trpcClient.admin.revokeDisplayToken.mutate({ id: token.id });
    } catch (e) {
      setError((e as Error).message);
    }
    await refresh();
  }

  return (
    <section className="panel tokens-panel" data-testid="display-tokens">
      <h3>{t('tokens.title')}</h3>
      <p className="muted small">{t('tokens.hint')}</p>
      <form className="edit-form" onSubmit={(e) => void create(e)}>
        <label className="field">
          {t('tokens.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('tokens.namePlaceholder')}
            data-testid="token-name"
          />
        </label>
        <label className="field">
          {t('tokens.expiresOn')}
          <input
            type="date"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
            data-testid="token-expires"
          />
        </label>
        <button type="submit" className="button primary" data-testid="token-create">
          {t('tokens.create')}
        </button>
        {error && (
          <p className="form-result error" role="alert" data-testid="token-error">
            {error}
          </p>
        )}
      </form>
      {created && (
        <OneTimeSecret
          title={t('tokens.created', { name: created.name })}
          value={created.address}
          testId="token-address"
          note={t('tokens.shownOnce')}
          onDone={() => setCreated(null)}
        >
          <QrImage text={created.address} label={t('tokens.qr', { name: created.name })} />
        </OneTimeSecret>
      )}
      <table className="data tokens-table">
        <thead>
          <tr>
            <th className="num">{t('tokens.id')}</th>
            <th>{t('tokens.name')}</th>
            <th>{t('tokens.createdAt')}</th>
            <th>{t('tokens.expiresAt')}</th>
            <th>{t('tokens.lastUsed')}</th>
            <th>{t('admin.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(tokens.data ?? []).map((token) => {
            const state = token.state;
            return (
              <tr key={token.id} data-testid="token-row" data-state={state}>
                <td className="num">#{token.id}</td>
                <td>{token.name}</td>
                <td>{shanghaiDateTime(token.createdAt)}</td>
                <td>{validUntil(token.expiresAt)}</td>
                <td>{token.lastUsedAt ? shanghaiDateTime(token.lastUsedAt) : t('tokens.neverUsed')}</td>
                <td className={`token-state ${state}`}>{t(`tokens.state.${state}`)}</td>
                <td>
                  {state === 'valid' && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void revoke(token)}
                      data-testid="token-revoke"
                    >
                      {t('tokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tokens.data?.length === 0 && <p className="muted small">{t('tokens.none')}</p>}
    </section>
  );
}

/** The address as a QR code, drawn here (no request leaves the site). */
function QrImage({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 220 }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img className="token-qr" src={src} alt={label} width={220} height={220} data-testid="token-qr" />
  ) : null;
}
