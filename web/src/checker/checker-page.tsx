// Paste or drop a text; each claim comes back marked in place with its verdict and evidence.
import { Fragment, useState, type DragEvent, type FormEvent } from 'react';
import { api, type CheckResult, type Claim, type SkippedUnit, type Verdict } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox } from '../components/status.tsx';
import { ClaimCard } from './claim-card.tsx';
import { renderClaimReview } from '../../../src/io/claimreview.ts';

/** Downloads the decided claims as schema.org ClaimReview JSON-LD (src/io/claimreview.ts). */
function downloadClaimReview(check: CheckResult) {
  const reviews = renderClaimReview(
    { claims: check.claims.map((c) => ({ ...c, evidence: c.evidence.map((e) => ({ ...e, sources: e.sources ?? [] })) })) },
    { url: `${window.location.origin}/check`, datePublished: new Date().toISOString().slice(0, 10) },
  );
  const blob = new Blob([JSON.stringify(reviews, null, 2)], { type: 'application/ld+json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'claimreview.jsonld';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
import { usePageTitle } from '../components/page-title.ts';

// The draft survives moving to another page and back within the tab.
const DRAFT_KEY = 'pactwatch.check-draft';
const VERDICTS: Verdict[] = ['contradicted', 'supported', 'unverifiable'];

export function CheckerPage() {
  const { t } = useI18n();
  usePageTitle(t.titles.check);
  const [text, setText] = useState(() => sessionStorage.getItem(DRAFT_KEY) ?? '');
  const [result, setResult] = useState<{ text: string; check: CheckResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [dragging, setDragging] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [listSkipped, setListSkipped] = useState(false);

  const edit = (value: string) => {
    setText(value);
    sessionStorage.setItem(DRAFT_KEY, value);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult({ text, check: await api.check(text, listSkipped) });
      setActive(null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) edit(await file.text());
  };
  const select = (index: number) => {
    setActive(index);
    document.getElementById(`claim-${index}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  const claims = result?.check.claims ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.check.title}</h1>
      </div>
      <p className="muted">{t.check.intro}</p>
      {error && <ErrorBox error={error} />}
      <div className="checker">
        <div>
          {result ? (
            <div className="card checked-text" data-testid="checked-text">
              <HighlightedText text={result.text} claims={claims} active={active} onSelect={select} />
            </div>
          ) : (
            <form onSubmit={submit} id="check-form">
              <div
                className={`drop-zone${dragging ? ' dragging' : ''}`}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={drop}
              >
                <label htmlFor="check-text" className="visually-hidden">
                  {t.check.input}
                </label>
                <textarea id="check-text" value={text} onChange={(e) => edit(e.target.value)} placeholder={t.check.drop} />
              </div>
              <label className="small">
                <input type="checkbox" checked={listSkipped} onChange={(e) => setListSkipped(e.target.checked)} /> {t.check.showSkipped}
              </label>
            </form>
          )}
          <div className="actions">
            {/* Keys keep React from turning the clicked "Edit text" button into the submit
                button in place, which the click would then activate (a second check). */}
            {result ? (
              <Fragment key="result">
                <button type="button" onClick={() => setResult(null)}>
                  {t.check.clear}
                </button>
                <button type="button" onClick={() => downloadClaimReview(result.check)} title={t.check.exportHelp}>
                  {t.check.exportReview}
                </button>
              </Fragment>
            ) : (
              <button key="check" type="submit" form="check-form" className="primary" disabled={busy || !text.trim()}>
                {busy ? t.check.checking : t.check.submit}
              </button>
            )}
          </div>
        </div>
        <section aria-labelledby="claims-heading" aria-live="polite">
          {result && (
            <>
              <h2 id="claims-heading">{t.check.result(claims.length)}</h2>
              <div className="verdict-counts">
                {VERDICTS.map((v) => {
                  const n = claims.filter((c) => c.verdict === v).length;
                  return n ? (
                    <span key={v} className={`badge verdict-${v}`}>
                      {t.check.verdict[v]}: {n}
                    </span>
                  ) : null;
                })}
              </div>
              {claims.length === 0 && <p className="muted">{t.check.noClaims}</p>}
              <ol className="claim-list">
                {claims.map((claim, i) => (
                  <ClaimCard key={i} index={i} claim={claim} active={active === i} onSelect={() => setActive(i)} />
                ))}
              </ol>
              {result.check.skipped && <SkippedList units={result.check.skipped} />}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** The sentences the checker left out, each with the reason. */
function SkippedList({ units }: { units: SkippedUnit[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="skipped-heading" data-testid="skipped">
      <h2 id="skipped-heading">{t.check.skipped(units.length)}</h2>
      <ul className="plain skipped-list">
        {units.map((unit, i) => (
          <li key={i}>
            <q>{unit.text}</q> <span className="small muted">{t.check.skipReasons[unit.reason] ?? unit.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The checked text with each claim wrapped in a mark coloured by its verdict. */
function HighlightedText({
  text,
  claims,
  active,
  onSelect,
}: {
  text: string;
  claims: Claim[];
  active: number | null;
  onSelect: (i: number) => void;
}) {
  const { t } = useI18n();
  const order = claims.map((claim, index) => ({ claim, index })).sort((a, b) => a.claim.start - b.claim.start);
  const parts: (string | { claim: Claim; index: number })[] = [];
  let at = 0;
  for (const entry of order) {
    // Overlapping claims would nest marks; the later one stays in the list but is not marked.
    if (entry.claim.start < at || entry.claim.end > text.length) continue;
    parts.push(text.slice(at, entry.claim.start), entry);
    at = entry.claim.end;
  }
  parts.push(text.slice(at));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <mark
            key={i}
            className={`claim verdict-${part.claim.verdict}`}
            data-verdict={part.claim.verdict}
            tabIndex={0}
            role="button"
            aria-current={active === part.index || undefined}
            aria-label={`${t.check.verdict[part.claim.verdict]}: ${text.slice(part.claim.start, part.claim.end)}`}
            onClick={() => onSelect(part.index)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(part.index))}
          >
            {text.slice(part.claim.start, part.claim.end)}
          </mark>
        ),
      )}
    </>
  );
}
