import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** "Commitments · Pactwatch": each page names itself in the tab and the history. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t.app.name}` : t.app.name;
  }, [title, t]);
}
