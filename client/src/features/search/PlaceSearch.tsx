/**
 * The map's search box: a township or a compound by name, code or pinyin initials, chosen from a
 * short list (arrow keys and Enter, or a click); the dashboard then selects the township or opens
 * the compound's card and flies there. The initials are asked of the server the first time the
 * box is used (see server/services/compounds/placeInitials.ts for why not computed here), so the
 * dashboard's first view loads nothing more; until they arrive, names and codes already match.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { searchPlaces, type Place } from '../../../../shared/search/placeSearch.ts';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

interface SearchPlace extends Place {
  /** A compound's township, shown beside its name (compounds of the same name exist in several). */
  townshipName: string | null;
}

interface Props {
  townships: readonly { code: string; name: string }[];
  /** The compounds on the map's day: a compound found is one the map shows. */
  compounds: readonly { code: string; name: string; townshipName: string }[];
  onPick(place: Pick<Place, 'kind' | 'code'>): void;
}

export function PlaceSearch({ townships, compounds, onPick }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [used, setUsed] = useState(false);
  const initials = useQuery({ ...trpc.geography.placeInitials.queryOptions(), enabled: used, staleTime: Infinity });

  const places = useMemo<SearchPlace[]>(() => {
    const known = initials.data;
    return [
      ...townships.map((tw) => ({
        kind: 'township' as const,
        code: tw.code,
        name: tw.name,
        initials: known?.townships[tw.code] ?? '',
        townshipName: null,
      })),
      ...compounds.map((c) => ({
        kind: 'compound' as const,
        code: c.code,
        name: c.name,
        initials: known?.compounds[c.code] ?? '',
        townshipName: c.townshipName,
      })),
    ];
  }, [townships, compounds, initials.data]);
  const matches = useMemo(() => searchPlaces(places, text), [places, text]);
  const showList = open && text.trim() !== '';

  const pick = (place: SearchPlace) => {
    setText(place.name);
    setOpen(false);
    onPick({ kind: place.kind, code: place.code });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length === 0 ? 0 : (i + step + matches.length) % matches.length));
    } else if (e.key === 'Enter') {
      const chosen = matches[active] ?? matches[0];
      if (chosen) pick(chosen);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="place-search" data-testid="place-search">
      <input
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={showList && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && matches[active] ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        title={t('search.placeholder')}
        value={text}
        maxLength={40}
        onFocus={() => {
          setUsed(true);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        data-testid="place-search-input"
      />
      {showList && matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t('search.results', { count: matches.length })}>
          {matches.map((place, i) => (
            <li
              key={`${place.kind}-${place.code}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              data-kind={place.kind}
              data-code={place.code}
              // Picked on mouse-down: the input's blur (which closes the list) comes before a click.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(place);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="place-kind">{t(`search.kind.${place.kind}`)}</span>
              <span className="place-name" title={place.name}>
                {place.name}
              </span>
              {place.townshipName && <span className="muted small">{place.townshipName}</span>}
            </li>
          ))}
        </ul>
      )}
      {showList && matches.length === 0 && (
        <p className="place-search-empty" role="status" data-testid="place-search-empty">
          {t('search.noMatch')}
        </p>
      )}
    </div>
  );
}
