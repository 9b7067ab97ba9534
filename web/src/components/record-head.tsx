import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

/** A record page's heading, with an Edit button for signed-in editors. */
export function RecordHead({ title, kind, id }: { title: string; kind: 'agreements' | 'commitments'; id: string }) {
  const { t } = useI18n();
  const { canEdit } = useAuth();
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {canEdit && (
        <Link className="button" to={`/edit/${kind}/${encodeURIComponent(id)}`}>
          {t.event.edit}
        </Link>
      )}
    </div>
  );
}
