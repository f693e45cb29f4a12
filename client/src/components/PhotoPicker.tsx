// Photos taken or chosen on the device, sent one by one to POST /api/files (the server re-encodes them and
// drops their metadata); the form keeps only the returned ids.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type Answer } from '../api';
import { ErrorBox } from './ErrorBox';
// its thumbnails' list style travels with it: on /dept no other screen had loaded it, and a bullet showed
import '../styles/office.css';

/** A photo as the form keeps it: its id (sent) and its thumbnail (shown). */
export type Uploaded = Pick<Answer<'POST /api/files'>, 'id' | 'thumbUrl'>;

/** Sends one photo's raw bytes (API.md POST /api/files). */
export const uploadPhoto = (token: string, file: File) => call('POST /api/files', { token, file });

export function PhotoPicker({ token, photos, onChange, testId }: { token: string; photos: Uploaded[]; onChange: (p: Uploaded[]) => void; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="field photo-picker">
      <span className="field__label" id={`${testId}-label`}>{t('impl.photos')}</span>
      {/* The native control says "Choose File" in the browser's language and cannot be styled: it stays for
          keyboards and screen readers (visually hidden), and a button-sized label opens it. No `capture`:
          a phone then offers both its camera and its gallery. */}
      <input id={`${testId}-input`} className="visually-hidden" type="file" accept="image/jpeg,image/png,image/webp" disabled={busy} data-testid={testId}
        aria-labelledby={`${testId}-label ${testId}-button`}
        onChange={async (e) => {
          const input = e.target;
          const f = input.files?.[0];
          if (!f) return;
          setBusy(true);
          setError(null);
          try { onChange([...photos, await uploadPhoto(token, f)]); } catch (err) { setError(err); } finally { setBusy(false); input.value = ''; }
        }} />
      <label htmlFor={`${testId}-input`} id={`${testId}-button`} className={`btn btn--secondary photo-picker__button${busy ? ' is-busy' : ''}`}>
        {photos.length ? t('impl.addAnotherPhoto') : t('impl.addPhoto')}
      </label>
      {busy ? <p className="small muted" role="status">{t('common.working')}</p> : null}
      <ErrorBox error={error} />
      {photos.length ? (
        <ul className="impl-photos" aria-label={t('impl.photos')}>
          {photos.map((p) => (
            <li key={p.id}>
              <img src={p.thumbUrl} alt={t('impl.photoAlt')} data-testid={`${testId}-thumb`} />
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>{t('supervision.removePhoto')}</button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
