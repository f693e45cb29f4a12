// Photos taken or chosen on the device, sent one by one to POST /api/files (the server re-encodes them and
// drops their metadata); the form keeps only the returned ids.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { ErrorBox } from './Feedback';

export interface Uploaded { id: string; thumbUrl: string }

/** Sends one photo's raw bytes (API.md POST /api/files). */
export async function uploadPhoto(token: string, file: File): Promise<Uploaded> {
  const res = await fetch('/api/files', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' }, body: file });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText);
  return body;
}

export function PhotoPicker({ token, photos, onChange, testId }: { token: string; photos: Uploaded[]; onChange: (p: Uploaded[]) => void; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${testId}-input`}>{t('impl.photos')}</label>
      <input id={`${testId}-input`} className="input" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" disabled={busy} data-testid={testId}
        onChange={async (e) => {
          const input = e.target;
          const f = input.files?.[0];
          if (!f) return;
          setBusy(true);
          setError(null);
          try { onChange([...photos, await uploadPhoto(token, f)]); } catch (err) { setError(err); } finally { setBusy(false); input.value = ''; }
        }} />
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
