// The signed-in user, from the token kept in localStorage and checked against /api/me.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, token, type Me } from './api.ts';

interface Auth {
  me: Me | null;
  canEdit: boolean;
  signIn: (value: string) => Promise<boolean>;
  signOut: () => void;
}

const AuthContext = createContext<Auth>({ me: null, canEdit: false, signIn: async () => false, signOut: () => {} });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    if (!token.get()) return;
    api.me().then(setMe, () => setMe(null));
  }, []);
  const signIn = async (value: string) => {
    const previous = token.get();
    token.set(value.trim());
    try {
      setMe(await api.me());
      return true;
    } catch {
      token.set(previous);
      return false;
    }
  };
  const signOut = () => {
    token.set(null);
    setMe(null);
  };
  const canEdit = me?.role === 'editor' || me?.role === 'admin';
  return <AuthContext.Provider value={{ me, canEdit, signIn, signOut }}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);
