// Create, edit or delete one record: field errors from the API beside their inputs, a clear
// account of a conflicting save (412), and the record's history from the change log.
import { useEffect, useState, type FormEvent } from 'react';
import type { RecordKind } from '../../../src/domain/vocabulary.ts';
import { api, ApiError } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate } from '../router.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { changedFields } from './diff.ts';
import { Change } from './change.tsx';
import { fromForm, isRecordKind, toForm, type FieldValue, type FormState } from './field-specs.ts';
import { History } from './history.tsx';
import { RecordFields } from './record-form.tsx';
import { usePageTitle } from '../components/page-title.ts';

interface Loaded {
  base: Record<string, unknown>;
  etag: string | null;
}

interface Conflict {
  theirs: Record<string, unknown>;
  etag: string | null;
  fields: string[];
}

/** "body/sources/0/url", "sources[0].url" and "sources.0.url" all become "sources.0.url". */
const fieldPath = (field: string) =>
  field
    .replace(/^\/?body[./]?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\./, '');

export function EditPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  usePageTitle(t.titles.editor);
  const { me, canEdit } = useAuth();
  const kind = params.kind ?? '';
  const id = params.id;
  if (!isRecordKind(kind)) return <p className="page notice">{t.app.notFound}</p>;
  if (!me) return <p className="page notice">{t.editor.signInFirst}</p>;
  if (!canEdit) return <p className="page notice">{t.editor.viewerOnly}</p>;
  return <Editor key={`${kind}/${id ?? ''}`} kind={kind} id={id} />;
}

function Editor({ kind, id }: { kind: RecordKind; id: string | undefined }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(id ? null : { base: {}, etag: null });
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [form, setForm] = useState<FormState>(() => toForm(kind, {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  const adopt = (record: Record<string, unknown>, etag: string | null) => {
    setLoaded({ base: record, etag });
    setForm(toForm(kind, record));
    setConflict(null);
    setErrors({});
  };

  useEffect(() => {
    if (!id) return;
    api.record(kind, id).then(
      ({ data, etag }) => adopt(data as unknown as Record<string, unknown>, etag),
      (e: Error) => setLoadError(e),
    );
  }, [kind, id]);

  const save = async (etag: string | null) => {
    if (!loaded) return;
    setBusy(true);
    setMessage(null);
    setFailure(null);
    const body = fromForm(kind, form, loaded.base);
    try {
      const { data, etag: next } = id ? await api.replace(kind, id, body, etag) : await api.create(kind, body);
      setErrors({});
      setConflict(null);
      setMessage(t.editor.saved);
      setVersion((v) => v + 1);
      if (id) adopt(data as unknown as Record<string, unknown>, next);
      else navigate(`/edit/${kind}/${encodeURIComponent(String(body.id))}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && id) {
        const current = await api.record(kind, id);
        const theirs = current.data as unknown as Record<string, unknown>;
        setConflict({ theirs, etag: current.etag, fields: changedFields(loaded.base, theirs) });
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        setErrors(Object.fromEntries(e.fieldErrors.map((f) => [fieldPath(f.field), f.message])));
      } else setFailure(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!id || !loaded || !window.confirm(t.editor.confirmDelete)) return;
    try {
      await api.remove(kind, id, loaded.etag);
      navigate(href('/edit', { deleted: `${kind}/${id}` }));
    } catch (e) {
      setFailure(e as Error);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(loaded?.etag ?? null);
  };
  const onChange = (name: string, value: FieldValue) => {
    setForm((f) => ({ ...f, [name]: value }));
    setMessage(null);
  };

  if (loadError) return <ErrorBox error={loadError} />;
  if (!loaded) return <Loading />;
  const kindName = t.editor.kinds[kind];
  const errorCount = Object.keys(errors).length;
  const viewLink =
    id && (kind === 'events' ? href('/', { event: id }) : kind === 'agreements' ? `/agreements/${encodeURIComponent(id)}` : null);

  return (
    <div className="page">
      <p className="small">
        <Link to="/edit">← {t.editor.title}</Link>
      </p>
      <div className="page-head">
        <h1>{id ? t.editor.editing(kindName, id) : t.editor.new(kindName)}</h1>
        {viewLink && <Link to={viewLink}>{t.editor.view}</Link>}
      </div>
      <div className="two-col">
        <form className="card" onSubmit={submit} noValidate aria-labelledby="edit-heading">
          <h2 id="edit-heading" className="visually-hidden">
            {t.editor.title}
          </h2>
          {conflict && (
            <div className="conflict" role="alert" data-testid="conflict">
              <strong>{t.editor.conflictTitle}</strong>
              <p>{t.editor.conflictBody}</p>
              <dl className="diff">
                {conflict.fields.map((field) => (
                  <div key={field} style={{ display: 'contents' }}>
                    <dt>{t.fields[field] ?? field}</dt>
                    <Change before={loaded.base[field]} after={conflict.theirs[field]} />
                  </div>
                ))}
              </dl>
              <div className="actions" style={{ justifyContent: 'flex-start' }}>
                <button type="button" onClick={() => adopt(conflict.theirs, conflict.etag)}>
                  {t.editor.conflictTheirs}
                </button>
                <button type="button" className="danger" onClick={() => void save(conflict.etag)}>
                  {t.editor.conflictMine}
                </button>
              </div>
            </div>
          )}
          {failure && <ErrorBox error={failure} />}
          {errorCount > 0 && (
            <p className="field-error" role="alert">
              {t.editor.fixErrors(errorCount)}
            </p>
          )}
          <RecordFields kind={kind} form={form} isNew={!id} errors={errors} onChange={onChange} />
          <div className="actions">
            {message && (
              <span className="saved" role="status">
                {message}
              </span>
            )}
            {id && (
              <button type="button" className="danger" onClick={remove}>
                {t.editor.delete}
              </button>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t.editor.saving : t.editor.save}
            </button>
          </div>
        </form>
        {id && (
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{t.editor.history}</h2>
            <History kind={kind} id={id} version={version} />
          </section>
        )}
      </div>
    </div>
  );
}
