/**
 * A side panel that folds away to a narrow rail, so the map or table beside it gets the room on a
 * laptop or projector (1366×768, 1280×720). Each panel remembers whether it was open, per browser
 * (localStorage); until it has been toggled, it starts folded on a screen narrower than
 * `foldBelowWidth` pixels. The body lays out as if its children were the panel's own
 * (`display: contents`), so a page's panel styles keep applying.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import './sidePanel.css';

interface Props {
  /** Names the remembered state: `onemap.panel.<id>`; also the test id `panel-<id>`. */
  id: string;
  side: 'left' | 'right';
  /** Shown on the folded rail and in the button's name. */
  title: string;
  /** Start folded on screens narrower than this (CSS pixels) unless the user chose otherwise. */
  foldBelowWidth?: number;
  className?: string;
  children: ReactNode;
}

const storageKey = (id: string) => `onemap.panel.${id}`;

function initiallyOpen(id: string, foldBelowWidth: number): boolean {
  try {
    const kept = window.localStorage.getItem(storageKey(id));
    if (kept === 'open' || kept === 'folded') return kept === 'open';
  } catch {
    /* storage refused (private mode): fall back to the screen's width */
  }
  return window.innerWidth >= foldBelowWidth;
}

export function SidePanel({ id, side, title, foldBelowWidth = 0, className, children }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(() => initiallyOpen(id, foldBelowWidth));
  const toggle = () => {
    const next = !open;
    setOpen(next);
    try {
      window.localStorage.setItem(storageKey(id), next ? 'open' : 'folded');
    } catch {
      /* not remembered, still toggled */
    }
  };
  const name = t(open ? 'panel.collapse' : 'panel.expand', { title });
  // The arrow points the way the panel moves: a left panel folds to the left.
  const arrow = (side === 'left') === open ? '«' : '»';
  return (
    <aside
      className={`${side} side-panel${open ? '' : ' folded'}${className ? ` ${className}` : ''}`}
      data-testid={`panel-${id}`}
      data-open={open}
    >
      <button
        type="button"
        className="panel-toggle"
        aria-expanded={open}
        aria-label={name}
        title={name}
        onClick={toggle}
        data-testid={`panel-${id}-toggle`}
      >
        <span aria-hidden="true">{arrow}</span>
      </button>
      {/* Kept mounted while folded (hidden by CSS): printed pages and PDFs show the panel whatever the screen. */}
      <div className="side-panel-body">{children}</div>
      {!open && (
        <span className="panel-rail-title" aria-hidden="true">
          {title}
        </span>
      )}
    </aside>
  );
}
