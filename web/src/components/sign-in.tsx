import { useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function SignIn() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await signIn(value)) {
      setValue('');
      setError(false);
      dialog.current?.close();
    } else setError(true);
  };
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {t.auth.signIn}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="sign-in-title">
        <form onSubmit={submit}>
          <h2 id="sign-in-title">{t.auth.signIn}</h2>
          <label htmlFor="token">{t.auth.tokenLabel}</label>
          <input
            id="token"
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error || undefined}
            aria-describedby="token-help token-error"
            required
          />
          <p id="token-help" className="hint">
            {t.auth.tokenHelp}
          </p>
          <p id="token-error" className="field-error" role="alert">
            {error ? t.auth.invalid : ''}
          </p>
          <div className="actions">
            <button type="button" className="ghost" onClick={() => dialog.current?.close()}>
              {t.auth.cancel}
            </button>
            <button type="submit" className="primary">
              {t.auth.submit}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
