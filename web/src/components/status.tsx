import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t.app.loading}
    </p>
  );
}

export function ErrorBox({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  const message =
    error instanceof ApiError
      ? error.status === 404
        ? t.app.notFound
        : error.message
      : error instanceof TypeError
        ? t.app.serverDown
        : error.message;
  return (
    <div className="error-box" role="alert">
      <strong>{t.app.error}</strong>
      <p>{message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}
