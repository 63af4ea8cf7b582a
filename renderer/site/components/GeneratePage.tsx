import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewAppPassword } from '../../../preload/contract/models.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { navigate, useLocation } from '../router.js';
import { ErrorAlert, Field, resolveError, SubmitButton, useFormErrorId, type CodeFields } from './form.js';
import { Card } from './Layout.js';
import { Link } from './Link.js';

const CODE_FIELDS: CodeFields = { INVALID_INPUT: 'label' };

/** 16 letters shown in groups of four, however the service spelled them. */
export function formatAppPassword(password: string): string {
  const letters = password.replace(/[^a-z]/gi, '');
  return letters.length === 16 ? (letters.match(/.{4}/g) ?? []).join('-') : password;
}

/**
 * Generate App-Specific Password. `?label=` prefills the label: it is the link a client
 * app's Create button opens. The new password is shown once, here, and never again.
 */
export function GeneratePage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [label, setLabel] = useState(() => new URLSearchParams(search).get('label')?.slice(0, 60) ?? '');
  const [created, setCreated] = useState<NewAppPassword | null>(null);
  const { busy, error, run } = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => setCreated(await site.createAppPassword({ label })));
  }

  if (created) return <CreatedPassword created={created} />;

  return (
    <Card title={t('generate.title')}>
      <p className="card__lead">{t('generate.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          name="label"
          label={t('generate.label')}
          hint={t('generate.labelHint')}
          autoComplete="off"
          maxLength={80}
          value={label}
          onValue={setLabel}
          error={formError}
          errorId={errorId}
        />
        <ErrorAlert id={errorId} error={formError} />
        <div className="form__actions">
          <Link to="/account/security" className="button">
            {t('common.cancel')}
          </Link>
          <SubmitButton busy={busy}>{t('generate.create')}</SubmitButton>
        </div>
      </form>
    </Card>
  );
}

function CreatedPassword({ created }: { created: NewAppPassword }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const secretRef = useRef<HTMLParagraphElement>(null);
  const password = formatAppPassword(created.password);

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      // No clipboard access: select the text so the user can copy it by hand.
      const node = secretRef.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopy('failed');
    }
  }

  return (
    <Card title={t('generate.createdTitle')} focusOnMount>
      <p className="card__lead">{t('generate.createdFor', { label: created.appPassword.label })}</p>
      <p className="app-password__caption">{t('generate.passwordName')}</p>
      <p ref={secretRef} className="app-password" lang="en">
        {password}
      </p>
      <div className="copy-row">
        {/* What comes next is pasting it: the keyboard starts on Copy. */}
        <button type="button" className="button" data-default-action onClick={() => void copyPassword()}>
          {t('generate.copy')}
        </button>
        <span role="status" className="copy-row__status">
          {copy === 'copied' ? t('generate.copied') : copy === 'failed' ? t('generate.copyFailed') : ''}
        </span>
      </div>
      <p className="warning">{t('generate.shownOnce')}</p>
      <p>{t('generate.howToUse')}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => navigate('/account/security')}>
          {t('common.done')}
        </button>
      </div>
    </Card>
  );
}
