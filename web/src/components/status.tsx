import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './page-title.ts';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t.app.loading}
    </p>
  );
}

/** A page for an address the app does not know, or a record the server does not have. */
export function NotFound({ record = false }: { record?: boolean }) {
  const { t } = useI18n();
  usePageTitle(t.titles.notFound);
  return (
    <div className="page not-found" data-testid="not-found">
      <h1>{t.app.notFoundTitle}</h1>
      <p>{record ? t.app.recordNotFound : t.app.notFoundBody}</p>
      <p>
        <Link className="button" to="/">
          ← {t.app.backHome}
        </Link>
      </p>
    </div>
  );
}

/** An error in words: what went wrong from the reader's side, then the server's own message. */
export function errorMessage(error: Error, t: ReturnType<typeof useI18n>['t']): string {
  if (error instanceof ApiError)
    return t.app.apiError(error.status, error.message && error.message !== String(error.status) ? error.message : '');
  if (error instanceof TypeError) return t.app.serverDown;
  return error.message;
}

export function ErrorBox({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 404) return <NotFound record />;
  return (
    <div className="error-box" role="alert">
      <strong>{t.app.error}</strong>
      <p>{errorMessage(error, t)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}
