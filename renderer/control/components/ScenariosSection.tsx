import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inputs } from '../../../preload/contract/inputs.js';
import { CLIENT_KINDS, type ClientKind, type SignedInClient } from '../../../preload/contract/models.js';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import type { MacOsVersion } from '../../../preload/contract/presenter.js';
import { currentLanguage, errorMessage } from '../../i18n/index.js';
import { appApi } from '../../shared/app-api.js';
import { toPayload, useControl } from '../store.js';
import { ChangePasswordDialog } from './ChangePasswordDialog.js';
import { MacOsScenario } from './MacOsScenario.js';
import { ResetDialog } from './ResetDialog.js';

/** A client as the result names it: a Mac app (translated when shown) or a mail client by its name. */
type Named = { app: ClientKind } | { name: string };

/** The last result, kept as data so it follows a change of language. */
type Outcome =
  | { kind: 'signed-out'; count: number; who: Named[] }
  | { kind: 'password-changed'; appleId: string; count: number }
  | { kind: 'new-mac' }
  | { kind: 'mac-os'; version: MacOsVersion }
  | { kind: 'reset' };

const keyOf = (c: SignedInClient) => (c.kind === 'app' ? `app:${c.clientKind}` : `mail:${c.name}:${c.appleId}:${c.appPasswordLabel ?? ''}`);

/** Who was signed in before and is not now: what a scenario really signed out. */
function signedOutBetween(before: readonly SignedInClient[], after: readonly SignedInClient[]): Named[] {
  const still = new Set(after.map(keyOf));
  const gone = new Map<string, Named>();
  for (const c of before) if (!still.has(keyOf(c))) gone.set(keyOf(c), c.kind === 'app' ? { app: c.clientKind } : { name: c.name });
  return [...gone.values()];
}

type Busy = 'sign-out' | 'software-update' | 'sim-swap' | 'unexpected-re-sign-in' | 'new-mac' | 'reset' | null;

function Scenario({ help, helpId, children }: { help: string; helpId: string; children: ReactNode }) {
  return (
    <li className="scenario">
      <div className="scenario__action">{children}</div>
      <p id={helpId} className="scenario__help">
        {help}
      </p>
    </li>
  );
}

/** Section 4 (and 5): what signs apps out in real life, and Reset Demo. */
export function ScenariosSection() {
  const { t } = useTranslation();
  const reloadAll = useControl((s) => s.reloadAll);
  const reloadSessions = useControl((s) => s.reloadSessions);
  const [clientKind, setClientKind] = useState<ClientKind>('messages');
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [dialog, setDialog] = useState<'change-password' | 'reset' | null>(null);

  function signedOut(count: number): string {
    if (count === 0) return t('control.scenarios.resultNone');
    if (count === 1) return t('control.scenarios.resultOne');
    return t('control.scenarios.resultMany', { count });
  }

  function describe(result: Outcome | null): string {
    if (!result) return '';
    switch (result.kind) {
      case 'signed-out': {
        if (result.who.length === 0) return signedOut(result.count);
        const names = result.who.map((w) => ('app' in w ? t(`control.apps.${w.app}`) : w.name));
        return t('control.scenarios.resultApps', { apps: new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(names) });
      }
      case 'password-changed':
        return `${t('control.scenarios.passwordChanged', { appleId: result.appleId })} ${signedOut(result.count)}`;
      case 'new-mac':
        return t('places.scenario.newMacDone');
      case 'mac-os':
        return t('twoFactorApps.macOs.changed', { version: t(`twoFactorApps.macOs.${result.version}`) });
      case 'reset':
        return t('control.scenarios.resetDone');
    }
  }

  async function run(input: Inputs['scenario'], which: Exclude<Busy, null>) {
    if (busy) return;
    setBusy(which);
    setOutcome(null);
    setError(null);
    try {
      const before = await appApi.signedIn({});
      const { signedOutApps } = await appApi.runScenario(input);
      const after = await appApi.signedIn({});
      void reloadSessions();
      // New Mac signs no app out: it makes this Mac one the Apple ID does not trust yet (the App Store says so).
      setOutcome(input.event === 'new-mac' ? { kind: 'new-mac' } : { kind: 'signed-out', count: signedOutApps, who: signedOutBetween(before, after) });
    } catch (caught) {
      setError(toPayload(caught));
    } finally {
      setBusy(null);
    }
  }

  function passwordChanged(appleId: string, count: number) {
    setDialog(null);
    setError(null);
    setOutcome({ kind: 'password-changed', appleId, count });
  }

  async function reset() {
    setBusy('reset');
    setOutcome(null);
    setError(null);
    try {
      await appApi.resetDemo({});
      setDialog(null);
      await reloadAll();
      setOutcome({ kind: 'reset' });
    } catch (caught) {
      setDialog(null);
      setError(toPayload(caught));
    } finally {
      setBusy(null);
    }
  }

  const button = (which: Exclude<Busy, null>, label: string, onClick: () => void, danger = false) => (
    <button
      type="button"
      className={danger ? 'button button--danger' : 'button'}
      aria-describedby={`help-${which}`}
      aria-disabled={busy !== null || undefined}
      onClick={() => busy === null && onClick()}
    >
      {label}
    </button>
  );

  return (
    <section className="panel" aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading" className="panel__title">
        {t('control.scenarios.heading')}
      </h2>
      <p className="panel__intro">{t('control.scenarios.intro')}</p>
      <ul className="scenarios">
        <Scenario help={t('control.scenarios.signOutHelp')} helpId="help-sign-out">
          <label htmlFor="sign-out-app" className="scenario__label">
            {t('control.scenarios.signOutLabel')}
          </label>
          <select
            id="sign-out-app"
            className="select"
            value={clientKind}
            onChange={(event) => setClientKind(event.target.value as ClientKind)}
          >
            {CLIENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`control.apps.${kind}`)}
              </option>
            ))}
          </select>
          {button('sign-out', t('control.scenarios.signOut'), () => void run({ event: 'sign-out', clientKind }, 'sign-out'))}
        </Scenario>
        <Scenario help={t('control.scenarios.softwareUpdateHelp')} helpId="help-software-update">
          {button('software-update', t('control.scenarios.softwareUpdate'), () => void run({ event: 'software-update' }, 'software-update'))}
        </Scenario>
        <Scenario help={t('control.scenarios.simSwapHelp')} helpId="help-sim-swap">
          {button('sim-swap', t('control.scenarios.simSwap'), () => void run({ event: 'sim-swap' }, 'sim-swap'))}
        </Scenario>
        <Scenario help={t('control.scenarios.changePasswordHelp')} helpId="help-change-password">
          <button
            type="button"
            className="button"
            aria-describedby="help-change-password"
            aria-haspopup="dialog"
            aria-disabled={busy !== null || undefined}
            onClick={() => busy === null && setDialog('change-password')}
          >
            {t('control.scenarios.changePassword')}
          </button>
        </Scenario>
        <Scenario help={t('control.scenarios.unexpectedHelp')} helpId="help-unexpected-re-sign-in">
          {button('unexpected-re-sign-in', t('control.scenarios.unexpected'), () => void run({ event: 'unexpected-re-sign-in' }, 'unexpected-re-sign-in'))}
        </Scenario>
        <Scenario help={t('places.scenario.newMacHelp')} helpId="help-new-mac">
          {button('new-mac', t('places.scenario.newMac'), () => void run({ event: 'new-mac' }, 'new-mac'))}
        </Scenario>
        <MacOsScenario
          onChosen={(version) => {
            setError(null);
            setOutcome({ kind: 'mac-os', version });
          }}
          onError={(payload) => {
            setOutcome(null);
            setError(payload);
          }}
        />
        <Scenario help={t('control.scenarios.resetDemoHelp')} helpId="help-reset">
          {button('reset', t('control.scenarios.resetDemo'), () => setDialog('reset'), true)}
        </Scenario>
      </ul>
      <p role="status" className="scenario-status">
        {busy ? t('control.scenarios.busy') : describe(outcome)}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      )}
      {dialog === 'change-password' && <ChangePasswordDialog onDone={passwordChanged} onCancel={() => setDialog(null)} />}
      {dialog === 'reset' && <ResetDialog busy={busy === 'reset'} onConfirm={() => void reset()} onCancel={() => setDialog(null)} />}
    </section>
  );
}
