import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_TOPICS, type SupportTopic } from '../../../preload/contract/places-types.js';
import { formatDateTime } from '../../i18n/index.js';
import { ErrorAlert, Notice, resolveError, SubmitButton, useFormErrorId, type CodeFields } from '../components/form.js';
import { Card } from '../components/Layout.js';
import { support } from './api.js';
import { useSupport } from './store.js';
import { useSupportAction } from './use-support-action.js';
import { deviceName, displayName } from '../../shared/display-name.js';

const CODE_FIELDS: CodeFields = {};

/**
 * Verified: what support may discuss about the account (and what it never can), the case form
 * — which exists only behind the verified session — and the account's cases.
 */
export function SupportVerified() {
  const { t } = useTranslation();
  const view = useSupport((s) => s.view);
  const opened = useSupport((s) => s.opened);
  const done = useSupport((s) => s.done);
  const id = useId();
  if (!view) return null;
  const { account } = view;
  return (
    <Card title={t('places.support.verifiedTitle')} wide focusOnMount>
      <p className="card__lead">{t('places.support.verified', { appleId: account.appleId })}</p>
      <section className="support-section" aria-labelledby={`${id}-details`}>
        <h2 id={`${id}-details`} className="support-section__title">
          {t('places.support.details')}
        </h2>
        <dl className="support-facts">
          <dt>{t('places.support.name')}</dt>
          <dd>{displayName(t, account)}</dd>
          <dt>{t('places.support.appleId')}</dt>
          <dd>{account.appleId}</dd>
          <dt>{t('places.support.security')}</dt>
          <dd>{t(`places.support.levels.${account.securityLevel}`)}</dd>
          <dt>{t('places.support.trustedDevices')}</dt>
          {account.devices.map((d) => (
            <dd key={d.id}>{deviceName(t, d.name)}</dd>
          ))}
          <dt>{t('places.support.recoveryKey')}</dt>
          <dd>{account.hasRecoveryKey ? t('places.support.recoveryKeySet') : t('places.support.recoveryKeyNone')}</dd>
          <dt>{t('places.support.appPasswords')}</dt>
          <dd>{account.activeAppPasswords}</dd>
          <dt>{t('places.support.passwordChanged')}</dt>
          <dd>{formatDateTime(account.passwordChangedAt)}</dd>
        </dl>
        <p className="support-cannot">{t(`places.support.cannot.${account.securityLevel}`)}</p>
      </section>
      <CaseForm />
      {opened && <Notice>{t('places.support.caseOpened', { number: opened.number })}</Notice>}
      <section className="support-section" aria-labelledby={`${id}-cases`}>
        <h2 id={`${id}-cases`} className="support-section__title">
          {t('places.support.cases')}
        </h2>
        {view.cases.length === 0 ? (
          <p className="support-muted">{t('places.support.noCases')}</p>
        ) : (
          <ul className="support-cases" aria-label={t('places.support.casesCaption')}>
            {view.cases.map((c) => (
              <li key={c.number} className="support-case">
                <p className="support-case__title">
                  {t('places.support.caseNumber', { number: c.number })} — {t(`places.support.topics.${c.topic}`)}
                </p>
                <p className="support-case__date">{t('places.support.opened', { date: formatDateTime(c.createdAt) })}</p>
                <p className="support-case__text">{c.description}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => void done()}>
          {t('places.support.signOut')}
        </button>
      </div>
    </Card>
  );
}

function CaseForm() {
  const { t } = useTranslation();
  const id = useId();
  const topic = useSupport((s) => s.topic);
  const caseOpened = useSupport((s) => s.caseOpened);
  const [chosen, setChosen] = useState<SupportTopic>(topic);
  const [description, setDescription] = useState('');
  const { busy, error, run } = useSupportAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);
  const invalid = formError !== null && 'description' in formError.fields;

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      caseOpened(await support.openCase({ topic: chosen, description }));
      setDescription('');
    });
  }

  return (
    <section className="support-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="support-section__title">
        {t('places.support.caseTitle')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-topic`} className="field__label">
            {t('places.support.topic')}
          </label>
          <select id={`${id}-topic`} className="field__input" value={chosen} onChange={(event) => setChosen(event.target.value as SupportTopic)}>
            {SUPPORT_TOPICS.map((value) => (
              <option key={value} value={value}>
                {t(`places.support.topics.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${invalid ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-description`} className="field__label">
            {t('places.support.description')}
          </label>
          <textarea
            id={`${id}-description`}
            name="description"
            className="field__input support-description"
            rows={4}
            maxLength={1000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
          />
        </div>
        <ErrorAlert id={errorId} error={formError} />
        <div className="form__actions">
          <SubmitButton busy={busy}>{t('places.support.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
