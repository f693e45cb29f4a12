import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, call, getToken, setToken, type StaffUser } from '../../api';

export interface StaffSignIn {
  /** null when nobody signed in as staff on this browser */
  token: string | null;
  user: StaffUser | null;
  /** why the account could not be loaded; a refused token sets `authLost` instead */
  error: unknown;
  /** the token was refused or is not a staff token: the page should go to `signInPath` */
  authLost: boolean;
  markAuthLost: () => void;
  signOut: () => void;
  /** the staff sign-in page, returning here afterwards */
  signInPath: string;
}

/** The signed-in staff account of the admin office and the presider console. */
export function useStaffUser(): StaffSignIn {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => getToken('staff'));
  const [user, setUser] = useState<StaffUser | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [authLost, setAuthLost] = useState(false);
  const signInPath = `/staff?next=${encodeURIComponent(location.pathname)}`;

  const signOut = useCallback(() => {
    setToken('staff', null);
    navigate(signInPath, { replace: true });
  }, [navigate, signInPath]);
  const markAuthLost = useCallback(() => setAuthLost(true), []);

  useEffect(() => {
    if (!token) return;
    call('GET /api/me', { token })
      .then((m) => {
        if (m.kind !== 'staff') setAuthLost(true);
        else setUser(m.user);
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setAuthLost(true);
        else setError(e);
      });
  }, [token]);

  // A refused token would only be refused again: drop it so the next visit starts at sign-in.
  useEffect(() => {
    if (authLost) setToken('staff', null);
  }, [authLost]);

  return { token, user, error, authLost, markAuthLost, signOut, signInPath };
}
