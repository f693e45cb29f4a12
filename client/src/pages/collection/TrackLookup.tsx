// A box to type a tracking code into (public home page, tracking page).
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export function TrackLookup({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const clean = code.trim().toUpperCase().replace(/[^0-9A-Z]/g, '');
  return (
    <form className="inline-form track-lookup" role="search" onSubmit={(e) => { e.preventDefault(); if (clean) navigate(`/track/${clean}`); }}>
      <div className="field">
        <label className="field__label" htmlFor="track-code">{t('collection.codeLabel')}</label>
        <input id="track-code" className="input mono" value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off"
          spellCheck={false} maxLength={24} placeholder="XXXXXXXXXXXXXX" data-testid="track-input" />
      </div>
      <button type="submit" className="btn btn--primary" disabled={!clean} data-testid="track-submit">{t('collection.lookUp')}</button>
    </form>
  );
}
