// The console's 听取报告 tab: the session's agenda of 专项报告 and 述职 in order, and the form that adds one
// (kind, title, who reports — a member of the roster for a 述职 —, a PDF, the evaluation ballot that follows).
// The document is uploaded as soon as it is chosen, so adding the hearing is one small JSON request.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../api';
import { useFormat } from '../../format';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { HearingList } from '../hearings/HearingList';
import { sizeText, uploadDocument, useAddHearing, useHearings, useMoveHearing, useRemoveHearing, type Hearing, type HearingBody } from '../hearings/hearingsApi';
import { useRoster } from './consoleApi';

interface Props {
  token: string;
  session: SessionDetail;
  liveVersion: number;
}

type Kind = HearingBody['kind'];
/** Heard: its ballot is closed, so it stays as it is (the server says 409 hearing_locked). */
const heard = (h: Hearing) => !!h.ballot && (h.ballot.state === 'closed' || h.ballot.state === 'published');

export function HearingsPanel({ token, session, liveVersion }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useHearings(token, session.id, liveVersion);
  const roster = useRoster(token, session.id);
  const add = useAddHearing(token, session.id);
  const remove = useRemoveHearing(token, session.id);
  const move = useMoveHearing(token, session.id);
  const [kind, setKind] = useState<Kind>('special_report');
  const [title, setTitle] = useState('');
  const [memberId, setMemberId] = useState('');
  const [name, setName] = useState('');
  const [post, setPost] = useState('');
  const [ballotId, setBallotId] = useState('');
  const [doc, setDoc] = useState<{ id: string; size: number } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  // a new file input after each hearing added (a file input cannot be emptied by its value)
  const [fileKey, setFileKey] = useState(0);
  const fixed = (k: string) => { if (missing[k]) setMissing((m) => Object.fromEntries(Object.entries(m).filter(([key]) => key !== k))); };
  const ballots = session.ballots.filter((b) => b.kind === 'evaluation' && (b.state === 'draft' || b.state === 'open'));
  const editable = session.state === 'open';

  const choose = async (file: File | undefined) => {
    setDoc(null);
    setUploadError(null);
    if (!file) return;
    setUploading(true);
    try {
      const d = await uploadDocument(token, file);
      setDoc({ id: d.id, size: d.size });
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const need: Record<string, string> = {};
    if (!title.trim()) need.title = t('hearings.add.needTitle');
    if (kind === 'duty_report' && !memberId) need.reporter = t('hearings.add.needMember');
    if (kind === 'special_report' && !name.trim()) need.reporter = t('hearings.add.needReporter');
    setMissing(need);
    if (Object.keys(need).length) return;
    const reporter = kind === 'duty_report' ? { memberId, post: post.trim() || null } : { name: name.trim(), post: post.trim() || null };
    add.mutate({ kind, title: title.trim(), reporter, fileId: doc?.id ?? null, ballotId: ballotId || null }, {
      onSuccess: () => { setTitle(''); setName(''); setPost(''); setMemberId(''); setDoc(null); setFileKey((k) => k + 1); },
    });
  };

  const err = (k: string) => (missing[k] ? <p className="field__error" id={`hearing-${k}-error`} role="alert">{missing[k]}</p> : null);
  return (
    <div className="stack" data-testid="hearings-panel">
      <div>
        <h2>{t('hearings.heading')}</h2>
        <p className="muted small">{t('hearings.intro')}</p>
      </div>
      {list.error ? <ErrorBox error={list.error} scope="hearings" /> : null}
      {!list.data ? <Loading /> : list.data.length === 0 ? <p className="muted" data-testid="hearings-empty">{t('hearings.empty')}</p> : (
        <HearingList
          hearings={list.data}
          showBallot
          action={(h) => editable && !heard(h) ? (
            <>
              <button type="button" className="btn btn--ghost btn--sm" disabled={move.isPending || h.position <= 1} onClick={() => move.mutate({ h, position: h.position - 1 })} aria-label={t('hearings.upLabel', { title: h.title })} data-testid="hearing-up">
                {t('hearings.up')}
              </button>
              <button type="button" className="btn btn--ghost btn--sm" disabled={move.isPending || h.position >= (list.data?.length ?? 0)} onClick={() => move.mutate({ h, position: h.position + 1 })} aria-label={t('hearings.downLabel', { title: h.title })} data-testid="hearing-down">
                {t('hearings.down')}
              </button>
              <button type="button" className="btn btn--ghost btn--sm" disabled={remove.isPending} onClick={() => remove.mutate(h.id)} aria-label={t('hearings.removeLabel', { title: h.title })} data-testid="hearing-remove">
                {t('hearings.remove')}
              </button>
            </>
          ) : null}
        />
      )}
      <ErrorBox error={remove.error ?? move.error} scope="hearings" testId="hearing-remove-error" />

      {editable ? (
        <form className="card stack" onSubmit={submit} noValidate aria-labelledby="hearing-add-heading" data-testid="hearing-form">
          <h3 id="hearing-add-heading">{t('hearings.add.heading')}</h3>
          <div className="grid-2">
            <div className="field">
              <label className="field__label" htmlFor="hearing-kind">{t('hearings.add.kind')}</label>
              <select id="hearing-kind" className="input" value={kind} onChange={(e) => { setKind(e.target.value as Kind); fixed('reporter'); }} data-testid="hearing-kind">
                {(['special_report', 'duty_report'] as const).map((k) => <option key={k} value={k}>{t(`hearings.kind.${k}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="hearing-ballot">{t('hearings.add.ballot')}</label>
              <select id="hearing-ballot" className="input" value={ballotId} onChange={(e) => setBallotId(e.target.value)} data-testid="hearing-ballot">
                <option value="">{t('hearings.add.noBallot')}</option>
                {ballots.map((b) => <option key={b.id} value={b.id}>{b.title}</option>)}
              </select>
            </div>
          </div>
          <div className={`field${missing.title ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="hearing-title">{t('hearings.add.title')}<span className="field__required">{t('form.requiredMark')}</span></label>
            <input id="hearing-title" className="input" value={title} maxLength={200} placeholder={t('hearings.add.titlePlaceholder')} onChange={(e) => { setTitle(e.target.value); fixed('title'); }}
              aria-invalid={missing.title ? true : undefined} aria-describedby={missing.title ? 'hearing-title-error' : undefined} data-testid="hearing-title" />
            {err('title')}
          </div>
          <div className="grid-2">
            {kind === 'duty_report' ? (
              <div className={`field${missing.reporter ? ' field--invalid' : ''}`}>
                <label className="field__label" htmlFor="hearing-member">{t('hearings.add.member')}<span className="field__required">{t('form.requiredMark')}</span></label>
                <select id="hearing-member" className="input" value={memberId} onChange={(e) => { setMemberId(e.target.value); fixed('reporter'); }}
                  aria-invalid={missing.reporter ? true : undefined} aria-describedby={missing.reporter ? 'hearing-reporter-error' : undefined} data-testid="hearing-member">
                  <option value="">{t('hearings.add.memberPick')}</option>
                  {(roster.data ?? []).map((m) => <option key={m.memberId} value={m.memberId}>{[m.name, m.delegation].filter(Boolean).join(' · ')}</option>)}
                </select>
                {err('reporter')}
              </div>
            ) : (
              <div className={`field${missing.reporter ? ' field--invalid' : ''}`}>
                <label className="field__label" htmlFor="hearing-name">{t('hearings.add.name')}<span className="field__required">{t('form.requiredMark')}</span></label>
                <input id="hearing-name" className="input" value={name} maxLength={50} onChange={(e) => { setName(e.target.value); fixed('reporter'); }}
                  aria-invalid={missing.reporter ? true : undefined} aria-describedby={missing.reporter ? 'hearing-reporter-error' : undefined} data-testid="hearing-name" />
                {err('reporter')}
              </div>
            )}
            <div className="field">
              <label className="field__label" htmlFor="hearing-post">{t('hearings.add.post')}</label>
              <input id="hearing-post" className="input" value={post} maxLength={100} placeholder={t('hearings.add.postPlaceholder')} onChange={(e) => setPost(e.target.value)} data-testid="hearing-post" />
            </div>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="hearing-document">{t('hearings.add.document')}</label>
            <input key={fileKey} id="hearing-document" type="file" accept="application/pdf" className="input" onChange={(e) => void choose(e.target.files?.[0])} data-testid="hearing-document-input" />
            {uploading ? <p className="small muted" role="status">{t('hearings.add.uploading')}</p> : null}
            {doc ? <p className="small" role="status" data-testid="hearing-document-uploaded">{t('hearings.add.uploaded', { size: sizeText(doc.size, fmt.num) })}</p> : null}
          </div>
          <ErrorBox error={uploadError} scope="hearings" testId="hearing-upload-error" />
          <ErrorBox error={add.error} scope="hearings" testId="hearing-add-error" />
          <div className="btn-row">
            <button type="submit" className="btn btn--primary" disabled={add.isPending || uploading} data-testid="hearing-submit">
              {add.isPending ? t('common.working') : t('hearings.add.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
