// Party ids to display names in the reader's language; unknown ids show as themselves.
import { useCallback, useEffect, useState } from 'react';
import { api, type Party } from '../api.ts';
import { localized, useI18n } from '../i18n/i18n.tsx';

export function usePartyName(): (idOrName: string) => string {
  const { lang } = useI18n();
  const [parties, setParties] = useState<Map<string, Party>>(new Map());
  useEffect(() => {
    api.parties().then(
      (list) => setParties(new Map(list.map((p) => [p.id, p]))),
      () => {},
    );
  }, []);
  return useCallback(
    (idOrName: string) => {
      const party = parties.get(idOrName);
      return party ? localized(party, 'name', lang) : idOrName;
    },
    [parties, lang],
  );
}
