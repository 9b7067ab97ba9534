import { useState, type FormEvent } from 'react';
import { RECORD_KINDS, type RecordKind } from '../../../src/domain/vocabulary.ts';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { usePageTitle } from '../components/page-title.ts';

export function EditorHome() {
  const { t } = useI18n();
  usePageTitle(t.titles.editor);
  const { me, canEdit } = useAuth();
  const { params } = useLocation();
  const deleted = params.get('deleted');
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.editor.title}</h1>
      </div>
      <p className="muted">{t.editor.intro}</p>
      {!me && <p className="notice">{t.editor.signInFirst}</p>}
      {me && !canEdit && <p className="notice">{t.editor.viewerOnly}</p>}
      {deleted && (
        <p className="notice" role="status">
          {t.editor.deleted} <code>{deleted}</code>
        </p>
      )}
      {canEdit && (
        <div className="stat-grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))' }}>
          {RECORD_KINDS.map((kind) => (
            <KindCard key={kind} kind={kind} />
          ))}
        </div>
      )}
    </div>
  );
}

function KindCard({ kind }: { kind: RecordKind }) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) navigate(`/edit/${kind}/${encodeURIComponent(id.trim())}`);
  };
  return (
    <section className="card" aria-labelledby={`kind-${kind}`}>
      <h2 id={`kind-${kind}`} style={{ textTransform: 'capitalize' }}>
        {t.editor.kinds[kind]}
      </h2>
      <form onSubmit={open} style={{ display: 'flex', gap: '0.4rem', margin: '0.5rem 0' }}>
        <label htmlFor={`open-${kind}`} className="visually-hidden">
          {t.editor.pick}
        </label>
        <input id={`open-${kind}`} placeholder={t.editor.pick} value={id} onChange={(e) => setId(e.target.value)} style={{ flex: 1 }} />
        <button type="submit">{t.editor.open}</button>
      </form>
      <Link className="button" to={`/edit/${kind}/new`}>
        + {t.editor.new(t.editor.kinds[kind])}
      </Link>
    </section>
  );
}
