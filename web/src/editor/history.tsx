import type { RecordKind } from '../../../src/domain/vocabulary.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { changedFields } from './diff.ts';
import { Change } from './change.tsx';

/** The record's entries in the change log, newest first, each with what it changed. */
export function History({ kind, id, version }: { kind: RecordKind; id: string; version: number }) {
  const { t } = useI18n();
  const result = useAsync(() => api.changes(kind, id), `${kind}/${id}/${version}`);
  if (result.state === 'error') return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;
  const entries = [...result.data].sort((a, b) => b.seq - a.seq);
  if (entries.length === 0) return <p className="muted">{t.editor.noHistory}</p>;
  const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol className="history" data-testid="history">
      {entries.map((entry) => {
        const fields = changedFields(entry.before, entry.after);
        return (
          <li key={entry.seq}>
            <div>
              <strong>{t.editor.actions[entry.action] ?? entry.action}</strong>
              {entry.actor && <> · {entry.actor}</>} · <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
            </div>
            {entry.before && entry.after && fields.length > 0 && (
              <dl className="diff">
                {fields.map((field) => (
                  <div key={field} style={{ display: 'contents' }}>
                    <dt>{t.fields[field] ?? field}</dt>
                    <Change before={entry.before?.[field]} after={entry.after?.[field]} />
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
