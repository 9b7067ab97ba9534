import { SOURCE_TIERS, type RecordKind } from '../../../src/domain/vocabulary.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FIELD_SPECS, type FieldSpec, type FieldValue, type FormState, type SourceDraft } from './field-specs.ts';

interface Props {
  kind: RecordKind;
  form: FormState;
  isNew: boolean;
  /** Messages by field path ("title", "sources.0.url"). */
  errors: Record<string, string>;
  onChange: (name: string, value: FieldValue) => void;
}

export function RecordFields({ kind, form, isNew, errors, onChange }: Props) {
  const { t } = useI18n();
  const specs: FieldSpec[] = isNew ? [{ name: 'id', kind: 'text' }, ...FIELD_SPECS[kind]] : FIELD_SPECS[kind];
  return (
    <div className="form-grid">
      {specs.map((spec) => {
        const id = `field-${spec.name}`;
        const error = errors[spec.name];
        const label = t.fields[spec.name] ?? spec.name;
        const describedBy = error ? `${id}-error` : spec.kind === 'lines' ? `${id}-hint` : undefined;
        const common = { id, name: spec.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
        const value = form[spec.name];
        let input;
        switch (spec.kind) {
          case 'textarea':
            input = <textarea {...common} rows={4} value={value as string} onChange={(e) => onChange(spec.name, e.target.value)} />;
            break;
          case 'json':
            input = (
              <textarea
                {...common}
                rows={4}
                className="mono"
                placeholder="JSON"
                value={value as string}
                onChange={(e) => onChange(spec.name, e.target.value)}
              />
            );
            break;
          case 'lines':
            input = <textarea {...common} rows={3} value={value as string} onChange={(e) => onChange(spec.name, e.target.value)} />;
            break;
          case 'select':
            input = (
              <select {...common} value={value as string} onChange={(e) => onChange(spec.name, e.target.value)}>
                <option value="" />
                {spec.options!.map((o) => (
                  <option key={o} value={o}>
                    {(t.types as Record<string, string>)[o] ?? (t.areas as Record<string, string>)[o] ?? o}
                  </option>
                ))}
              </select>
            );
            break;
          case 'areas':
            return (
              <fieldset key={spec.name} className="field wide facet" aria-describedby={describedBy}>
                <legend>{label}</legend>
                <div className="checkbox-grid">
                  {Object.entries(t.areas).map(([area, name]) => (
                    <label key={area}>
                      <input
                        type="checkbox"
                        checked={(value as string[]).includes(area)}
                        onChange={(e) =>
                          onChange(
                            spec.name,
                            e.target.checked ? [...(value as string[]), area] : (value as string[]).filter((a) => a !== area),
                          )
                        }
                      />
                      {name}
                    </label>
                  ))}
                </div>
                <FieldError id={`${id}-error`} message={error} />
              </fieldset>
            );
          case 'sources':
            return <SourcesField key={spec.name} value={value as SourceDraft[]} errors={errors} onChange={(v) => onChange(spec.name, v)} />;
          case 'provision': {
            const p = value as { ref: string; text: string };
            return (
              <fieldset key={spec.name} className="field facet">
                <legend>{label}</legend>
                <label htmlFor={`${id}-ref`}>{t.fields.provision_ref}</label>
                <input id={`${id}-ref`} value={p.ref} onChange={(e) => onChange(spec.name, { ...p, ref: e.target.value })} />
                <label htmlFor={`${id}-text`}>{t.fields.provision_text}</label>
                <textarea id={`${id}-text`} rows={2} value={p.text} onChange={(e) => onChange(spec.name, { ...p, text: e.target.value })} />
                <FieldError id={`${id}-error`} message={error ?? errors['provision.ref']} />
              </fieldset>
            );
          }
          default:
            input = (
              <input
                {...common}
                type={spec.kind === 'number' ? 'number' : 'text'}
                step={spec.kind === 'number' ? 'any' : undefined}
                inputMode={spec.kind === 'date' ? 'numeric' : undefined}
                placeholder={spec.kind === 'date' ? 'YYYY-MM-DD' : undefined}
                value={value as string}
                onChange={(e) => onChange(spec.name, e.target.value)}
              />
            );
        }
        return (
          <div key={spec.name} className={`field${spec.wide ? ' wide' : ''}`}>
            <label htmlFor={id}>{label}</label>
            {input}
            {spec.kind === 'lines' && (
              <p id={`${id}-hint`} className="hint">
                {t.editor.oneLine}
              </p>
            )}
            <FieldError id={`${id}-error`} message={error} />
          </div>
        );
      })}
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={id} className="field-error" role={message ? 'alert' : undefined}>
      {message ?? ''}
    </p>
  );
}

function SourcesField({
  value,
  errors,
  onChange,
}: {
  value: SourceDraft[];
  errors: Record<string, string>;
  onChange: (value: SourceDraft[]) => void;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<SourceDraft>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="field wide facet">
      <legend>{t.fields.sources}</legend>
      {value.map((source, i) => {
        const urlError = errors[`sources.${i}.url`] ?? errors[`sources.${i}`];
        return (
          <div key={i}>
            <div className="source-row">
              <input
                aria-label={`${t.editor.source.url} ${i + 1}`}
                placeholder="https://…"
                value={source.url}
                aria-invalid={urlError ? true : undefined}
                onChange={(e) => set(i, { url: e.target.value })}
              />
              <input
                aria-label={`${t.editor.source.quote} ${i + 1}`}
                placeholder={t.editor.source.quote}
                value={source.quote}
                onChange={(e) => set(i, { quote: e.target.value })}
              />
              <input
                aria-label={`${t.editor.source.title} ${i + 1}`}
                placeholder={t.editor.source.title}
                value={source.title}
                onChange={(e) => set(i, { title: e.target.value })}
              />
              <select
                aria-label={`${t.editor.source.tier} ${i + 1}`}
                value={source.tier && source.tierUrl.trim() === source.url.trim() ? source.tier : ''}
                onChange={(e) => set(i, { tier: e.target.value, tierUrl: source.url })}
              >
                <option value="">{t.editor.source.tierFromTable}</option>
                {SOURCE_TIERS.map((tier) => (
                  <option key={tier} value={tier}>
                    {t.tiers[tier]}
                  </option>
                ))}
              </select>
              <button type="button" className="ghost" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t.editor.removeItem}
              </button>
            </div>
            <FieldError id={`sources-${i}-error`} message={urlError} />
          </div>
        );
      })}
      <FieldError id="sources-error" message={errors.sources} />
      <button type="button" onClick={() => onChange([...value, { url: '', quote: '', title: '', tier: '', tierUrl: '' }])}>
        + {t.editor.addItem}
      </button>
    </fieldset>
  );
}
