import { useI18n } from '../i18n/i18n.tsx';
import { useAuth } from '../auth.tsx';
import { Link, useLocation } from '../router.tsx';
import { useTheme, type Theme } from '../theme.ts';
import { SignIn } from './sign-in.tsx';

/** Moves focus to the first event of the timeline's list (or the list itself). */
function skipToEvents(event: { preventDefault: () => void }) {
  const target = document.querySelector<HTMLElement>('#event-list .event-row') ?? document.getElementById('event-list');
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

export function Header() {
  const { t, lang, setLang } = useI18n();
  const { path } = useLocation();
  const { me, canEdit, signOut } = useAuth();
  const [theme, setTheme] = useTheme();
  const links: [string, string][] = [
    ['/', t.nav.timeline],
    ['/agreements', t.nav.agreements],
    ['/commitments', t.nav.commitments],
    ['/check', t.nav.check],
    ['/about', t.nav.about],
  ];
  if (canEdit) links.push(['/edit', t.nav.editor]);
  const current = (to: string) => (to === '/' ? path === '/' : path.startsWith(to));
  return (
    <header className="site-header">
      {path === '/' && (
        <a className="skip" href="#event-list" onClick={skipToEvents}>
          {t.app.skipToEvents}
        </a>
      )}
      <a className="skip" href="#main">
        {t.app.skip}
      </a>
      <Link to="/" className="brand" aria-label={t.app.name}>
        <svg viewBox="0 0 16 16" width="22" height="22" aria-hidden="true">
          <rect width="16" height="16" rx="3" fill="var(--accent)" />
          <path d="M3 11h10M5 5v6M11 7v4" stroke="white" strokeWidth="1.6" />
        </svg>
        <span>{t.app.name}</span>
      </Link>
      <nav aria-label={t.nav.main}>
        <ul>
          {links.map(([to, label]) => (
            <li key={to}>
              <Link to={to} aria-current={current(to) ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <label className="visually-hidden" htmlFor="theme-select">
          {t.app.theme.label}
        </label>
        <select id="theme-select" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
          <option value="system">{t.app.theme.system}</option>
          <option value="light">{t.app.theme.light}</option>
          <option value="dark">{t.app.theme.dark}</option>
        </select>
        <button
          type="button"
          className="ghost"
          aria-label={`${lang === 'en' ? 'УКР' : 'ENG'}: ${t.app.languageLabel}`}
          onClick={() => setLang(lang === 'en' ? 'uk' : 'en')}
        >
          <span lang={lang === 'en' ? 'uk' : 'en'}>{lang === 'en' ? 'УКР' : 'ENG'}</span>
        </button>
        {me ? (
          <span className="user">
            <span className="user-name">{t.auth.signedInAs(me.name, me.role)}</span>
            <button type="button" className="ghost" onClick={signOut}>
              {t.auth.signOut}
            </button>
          </span>
        ) : (
          <SignIn />
        )}
      </div>
    </header>
  );
}
