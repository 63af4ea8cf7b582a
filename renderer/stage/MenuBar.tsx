import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpener } from '../control/opener.js';
import { useControl } from '../control/store.js';
import { currentLanguage, formatAhead } from '../i18n/index.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { presenterNow, usePresenter } from '../shared/presenter.js';
import { APP_MENUS, type MenuEntry, type MenuId } from './menus.js';
import { useStage, useStageStore } from './stage-store.js';
import { STAGE_WINDOWS, WINDOW_SPECS } from './windows.js';

function useMinuteTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** TwoStep's mark where the Apple menu stands: two steps going up. Drawn by TwoStep — not Apple's logo, no font glyph. */
function Mark() {
  return (
    <svg className="menus__mark" viewBox="0 0 15 14" aria-hidden="true" focusable="false">
      <path d="M1 13V9h4.5V5H10V1h4v12z" fill="currentColor" />
    </svg>
  );
}

/**
 * The Mac's menu bar: TwoStep's mark where the Apple menu would be, the app in front and its
 * menus (the commands that make sense on the stage work; the others are greyed, as a Mac greys
 * what does not apply), and on the right the clock — TwoStep's clock, so time the presenter
 * skipped shows — the language switch of every page, and the control center's panel. The menus
 * follow the ARIA menu bar pattern: ← → between menus, ↓ Enter or Space to open, ↑ ↓ in a menu,
 * Escape to close.
 */
export function MenuBar({ panelId, ref }: { panelId: string; ref?: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  const store = useStageStore();
  const panelOpen = useStage((s) => s.panelOpen);
  const skippedMs = usePresenter((s) => s?.skippedMs ?? 0);
  const now = presenterNow(useMinuteTick());
  const minutes = Math.round(skippedMs / 60_000);
  const clock = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(now);

  return (
    <header ref={ref} className="menubar">
      <Menus />
      <div className="menubar__right">
        {minutes > 0 && <span className="menubar__skipped">{t('stage.skipped', { ahead: formatAhead(skippedMs, 'short') })}</span>}
        <p className="menubar__clock">
          <span className="visually-hidden">{t('stage.clock')} </span>
          <time dateTime={new Date(now).toISOString()}>{clock}</time>
        </p>
        <LanguageSwitch />
        <button
          type="button"
          className="menubar__button"
          data-coach="control-center"
          aria-expanded={panelOpen}
          aria-controls={panelId}
          onClick={() => store.getState().setTool('panelOpen', !panelOpen)}
        >
          {t('stage.controlCenter')}
        </button>
      </div>
    </header>
  );
}

/** The menus of the front app (the Finder's when no window is open), with what each holds now. */
function useMenus(): { id: MenuId; title: string; entries: MenuEntry[] }[] {
  const { t } = useTranslation();
  const store = useStageStore();
  const open = useOpener();
  const front = useStage((s) => s.front);
  const windows = useStage((s) => s.windows);
  const panelOpen = useStage((s) => s.panelOpen);
  const tourActive = useControl((s) => s.tour.active);
  const macOs = usePresenter((s) => s?.macOs ?? '10.11');
  const app = front ? t(WINDOW_SPECS[front].nameKey) : t('stage.finder');
  const command = (label: string, run?: () => void, shortcut?: string, checked?: boolean): MenuEntry => ({ kind: 'command', label, ...(run ? { run } : {}), ...(shortcut ? { shortcut } : {}), ...(checked !== undefined ? { checked } : {}) });
  const separator: MenuEntry = { kind: 'separator' };
  const notHere: MenuEntry[] = [command(t('stage.menu.notSimulated'))];

  const contents = (id: MenuId): MenuEntry[] => {
    switch (id) {
      case 'twostep':
        return [
          { kind: 'note', text: t('stage.menu.aboutTwoStep') },
          { kind: 'note', text: t('stage.menu.thisMac', { os: t(`twoFactorApps.macOs.${macOs}`) }) },
          separator,
          command(t('stage.menu.systemPreferences'), () => void open('icloud')),
          command(t('stage.controlCenter'), () => store.getState().setTool('panelOpen', !panelOpen), undefined, panelOpen),
        ];
      case 'app':
        return [
          command(t('stage.menu.about', { app })),
          separator,
          command(t('stage.menu.preferences'), front ? () => void open(front) : undefined, '⌘,'),
          separator,
          command(t('stage.menu.quit', { app }), front ? () => store.getState().close(front) : undefined, '⌘Q'),
        ];
      case 'file':
        return [command(t('stage.menu.closeWindow'), front ? () => store.getState().close(front) : undefined, '⌘W')];
      case 'edit':
        return [
          command(t('stage.menu.undo'), undefined, '⌘Z'),
          separator,
          command(t('stage.menu.cut'), undefined, '⌘X'),
          command(t('stage.menu.copy'), undefined, '⌘C'),
          command(t('stage.menu.paste'), undefined, '⌘V'),
          command(t('stage.menu.selectAll'), undefined, '⌘A'),
          { kind: 'note', text: t('stage.menu.editNote') },
        ];
      case 'window':
        return [
          command(t('stage.menu.minimize'), undefined, '⌘M'),
          separator,
          ...STAGE_WINDOWS.filter((w) => windows[w].open).map((w) => command(t(WINDOW_SPECS[w].nameKey), () => void open(w), undefined, w === front)),
          command(t('stage.iphone'), () => void open('iphone')),
        ];
      case 'help':
        return [tourActive ? command(t('tour.end'), () => useControl.getState().endTour()) : command(t('tour.start'), () => useControl.getState().startTour())];
      default:
        return notHere;
    }
  };
  return (['twostep', ...APP_MENUS[front ?? 'finder']] as MenuId[]).map((id) => ({
    id,
    title: id === 'twostep' ? t('stage.menu.twostep') : id === 'app' ? app : t(`stage.menu.${id}`),
    entries: contents(id),
  }));
}

function Menus() {
  const { t } = useTranslation();
  const menus = useMenus();
  const [openId, setOpenId] = useState<MenuId | null>(null);
  const [current, setCurrent] = useState(0);
  const titles = useRef<(HTMLButtonElement | null)[]>([]);
  const list = useRef<HTMLUListElement>(null);
  const baseId = useId();
  const index = Math.min(current, menus.length - 1);

  // A press anywhere else closes the open menu, as on a Mac.
  useEffect(() => {
    if (!openId) return;
    const close = (event: PointerEvent) => {
      if (!list.current?.contains(event.target as Node)) setOpenId(null);
    };
    document.addEventListener('pointerdown', close, true);
    return () => document.removeEventListener('pointerdown', close, true);
  }, [openId]);

  /** Menus that wrapped out of sight (a narrow screen) are skipped. */
  const shown = (i: number) => (titles.current[i]?.offsetTop ?? 0) < 4;
  const focusTitle = (i: number) => {
    setCurrent(i);
    titles.current[i]?.focus();
  };
  const step = (from: number, by: number) => {
    let i = from;
    for (let n = 0; n < menus.length; n++) {
      i = (i + by + menus.length) % menus.length;
      if (shown(i)) return i;
    }
    return from;
  };
  const openMenu = (i: number) => {
    focusTitle(i);
    setOpenId(menus[i]!.id);
  };

  function onTitleKey(event: KeyboardEvent<HTMLButtonElement>, i: number) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = step(i, event.key === 'ArrowRight' ? 1 : -1);
      if (openId) openMenu(next);
      else focusTitle(next);
    } else if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openMenu(i);
    } else if (event.key === 'Escape') {
      setOpenId(null);
    }
  }

  return (
    <ul ref={list} className="menus" role="menubar" aria-label={t('stage.menuBar')}>
      {menus.map((menu, i) => {
        const titleId = `${baseId}-${menu.id}`;
        const expanded = openId === menu.id;
        return (
          <li key={menu.id} className="menus__item" role="none">
            <button
              ref={(element) => {
                titles.current[i] = element;
              }}
              id={titleId}
              type="button"
              role="menuitem"
              aria-haspopup="menu"
              aria-expanded={expanded}
              aria-label={menu.id === 'twostep' ? menu.title : undefined}
              tabIndex={i === index ? 0 : -1}
              className={`menus__title menus__title--${menu.id === 'twostep' ? 'mark' : menu.id}`}
              // The keyboard opens menus on keydown; the click a key press also makes is not a second toggle.
              onClick={(event) => event.detail !== 0 && (expanded ? setOpenId(null) : openMenu(i))}
              onPointerEnter={() => openId && openId !== menu.id && openMenu(i)}
              onKeyDown={(event) => onTitleKey(event, i)}
            >
              {menu.id === 'twostep' ? <Mark /> : menu.title}
            </button>
            {expanded && (
              <Menu
                labelledBy={titleId}
                entries={menu.entries}
                onClose={(focus) => {
                  setOpenId(null);
                  if (focus) focusTitle(i);
                }}
                onSideways={(by) => openMenu(step(i, by))}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Menu({
  labelledBy,
  entries,
  onClose,
  onSideways,
}: {
  labelledBy: string;
  entries: MenuEntry[];
  onClose: (focusTitle: boolean) => void;
  onSideways: (by: 1 | -1) => void;
}) {
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menu = useRef<HTMLUListElement>(null);
  const commands = entries.map((e, i) => (e.kind === 'command' ? i : -1)).filter((i) => i >= 0);

  useLayoutEffect(() => {
    // Under its title, in the menu bar's own pixels (the menu bar is zoomed with Large type).
    const title = document.getElementById(labelledBy);
    if (title && menu.current) menu.current.style.left = `${title.getBoundingClientRect().left / (title.currentCSSZoom ?? 1)}px`;
  }, [labelledBy]);

  useEffect(() => {
    items.current[commands[0]!]?.focus();
    // Focus goes into the menu once, when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKey(event: KeyboardEvent<HTMLUListElement>) {
    const at = commands.indexOf(items.current.indexOf(document.activeElement as HTMLButtonElement));
    const move = (to: number) => items.current[commands[(to + commands.length) % commands.length]!]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(at + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(at - 1);
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        event.preventDefault();
        onSideways(event.key === 'ArrowRight' ? 1 : -1);
        break;
      case 'Escape':
        event.preventDefault();
        onClose(true);
        break;
      case 'Tab':
        onClose(false);
        break;
    }
  }

  return (
    <ul ref={menu} className="menu" role="menu" aria-labelledby={labelledBy} onKeyDown={onKey}>
      {entries.map((entry, i) =>
        entry.kind === 'separator' ? (
          <li key={i} role="separator" className="menu__separator" />
        ) : entry.kind === 'note' ? (
          <li key={i} role="none" className="menu__note">
            {entry.text}
          </li>
        ) : (
          <li key={i} role="none">
            <button
              ref={(element) => {
                items.current[i] = element;
              }}
              type="button"
              role={entry.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={entry.checked}
              aria-disabled={!entry.run || undefined}
              tabIndex={-1}
              className="menu__item"
              onClick={() => {
                if (!entry.run) return;
                onClose(false);
                entry.run();
              }}
            >
              <span>{entry.label}</span>
              {entry.shortcut && <span className="menu__shortcut">{entry.shortcut}</span>}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}
