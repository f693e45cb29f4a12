// /suggest/:bodyId[?station=<id> | ?rep=<memberId>] — a resident's suggestion on a phone (群众点单): the form,
// what is already known like it while they type, and the tracking code at the end. Opened from a station's
// poster it comes by that station; from a representative's 代表码 it goes to that representative too.
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import '../../styles/public.css';
import '../../styles/collection.css';
import { ApiError, call, getToken } from '../../api';
import { useBodies } from '../../queries/bodies';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { SelectField, TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { suggestionInput } from '../../../../shared/collection-schemas';
import { collectionApi, useCollectionSummary, useStations, type SuggestionDraft } from './collectionApi';
// straight from shared/schemas (zod): the body page, which reads collectionApi too, is spared it
import { categories } from '../../../../shared/schemas';
import { SimilarPanel } from './SimilarPanel';
import { RepAddressee, NotifyField, useRepOf } from './RepAddressee';
import { WindowDates } from './WindowDates';
import { Receipt } from './Receipt';

const formSchema = suggestionInput.pick({ title: true, description: true, category: true, area: true, contact: true });
type Draft = z.infer<typeof formSchema>;

/**
 * Is a representative or a department user of this body signed in on this device? Then they may send
 * as 代表 or as 承办单位 (channel rep / department).
 */
function useSenderOf(bodyId: string) {
  const member = getToken('member');
  const staff = getToken('staff');
  return useQuery({
    queryKey: ['me', 'sender', member, staff],
    queryFn: async () => {
      const [m, s] = await Promise.all([
        member ? call('GET /api/me', { token: member }).catch(() => null) : null,
        staff ? call('GET /api/me', { token: staff }).catch(() => null) : null,
      ]);
      if (m?.kind === 'member' && m.member.bodyId === bodyId) return { as: 'member' as const, channel: 'rep' as const, name: m.member.name };
      if (s?.kind === 'staff' && s.user.role === 'department' && s.user.bodyId === bodyId) return { as: 'staff' as const, channel: 'department' as const, name: s.user.department ?? s.user.username };
      return null;
    },
    enabled: !!(member || staff),
    retry: false,
  });
}

export default function SuggestPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const [search] = useSearchParams();
  const stationId = search.get('station');
  const rep = useRepOf(search.get('rep'), bodyId);
  const bodies = useBodies();
  const body = bodies.data?.find((b) => b.id === bodyId);
  const summary = useCollectionSummary(bodyId);
  const stations = useStations(bodyId);
  const station = stationId ? stations.data?.find((s) => s.id === stationId) : undefined;
  const sender = useSenderOf(bodyId);
  const [asMember, setAsMember] = useState(true);
  const [done, setDone] = useState<{ trackingCode: string } | null>(null);
  const [notify, setNotify] = useState(false);
  useTitle(t('collection.suggestTitle'));

  const form = useForm<z.input<typeof formSchema>, unknown, Draft>({ resolver: zodResolver(formSchema), defaultValues: { title: '', description: '', area: '', contact: '' } });
  const title = form.watch('title');
  const [probe, setProbe] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setProbe(title.trim()), 350);
    return () => clearTimeout(h);
  }, [title]);

  const submit = useMutation({
    mutationFn: (d: Draft) => {
      // a representative's 代表码 sends it as a resident's, whoever is signed in on this device
      const signed = sender.data && asMember && !rep.data ? sender.data : null;
      const channel: Partial<SuggestionDraft> = rep.data ? { channel: 'rep_code', repId: rep.data.id }
        : signed ? { channel: signed.channel } : station ? { channel: 'station', stationId: station.id } : { channel: 'web' };
      const draft: SuggestionDraft = { ...d, area: d.area || null, contact: d.contact || null, ...channel, ...(notify ? { notify: true } : {}) };
      return collectionApi.submit(bodyId, draft, signed?.as ?? null);
    },
    onSuccess: (r) => { setDone(r); window.scrollTo(0, 0); },
    onError: (err) => { showServerFieldErrors(err, form.setError); },
  });

  const window_ = summary.data?.window;
  const closed = summary.data && (!window_ || !window_.open);
  const refusedClosed = submit.error instanceof ApiError && submit.error.code === 'collection_closed';

  return (
    <div className="page public collection">
      <TopBar title={t('collection.suggestTitle')} />
      <main className="container container--narrow stack" id="main">
        <header className="stack">
          <p className="muted small" data-testid="suggest-body">{body?.name ?? ''}</p>
          <h1>{t('collection.suggestHeading')}</h1>
          {station && !rep.data ? <p className="tag tag--ok" data-testid="suggest-station">{t('collection.viaStation', { name: station.name })}</p> : null}
          <RepAddressee rep={rep} />
        </header>
        {summary.isPending ? <Loading /> : <ErrorBox error={summary.error} />}
        {done ? (
          <Receipt code={done.trackingCode} onAnother={() => { setDone(null); setNotify(false); form.reset(); submit.reset(); }} />
        ) : closed || refusedClosed ? (
          <section className="card stack" data-testid="collection-closed">
            <h2>{t('collection.closedHeading')}</h2>
            {window_ && Date.parse(window_.opensAt) > Date.now()
              ? <p>{t('collection.nextOpens')} <WindowDates window={window_} /></p>
              : <p>{t('collection.noneScheduled')}</p>}
            <p><Link to="/track">{t('collection.trackExisting')}</Link></p>
          </section>
        ) : window_ ? (
          <FormProvider {...form}>
            <p className="small" data-testid="window-dates"><WindowDates window={window_} countdown /></p>
            <form className="stack suggest-form" noValidate onSubmit={form.handleSubmit((d) => submit.mutate(d))}>
              <TextField name="title" label={t('collection.field.title')} hint={t('collection.hint.title')} required testId="suggest-title" maxLength={100} />
              <SimilarPanel bodyId={bodyId} text={probe} />
              <TextAreaField name="description" label={t('collection.field.description')} hint={t('collection.hint.description')} required testId="suggest-description" rows={5} maxLength={2000} />
              <SelectField name="category" label={t('collection.field.category')} required testId="suggest-category" placeholder={t('collection.chooseCategory')}
                options={categories.map((c) => ({ value: c, label: t(`category.${c}`, { defaultValue: c }) }))} />
              <TextField name="area" label={t('collection.field.area')} hint={t('collection.hint.area')} testId="suggest-area" maxLength={100} />
              <TextField name="contact" label={t('collection.field.contact')} hint={t('collection.hint.contact')} testId="suggest-contact" autoComplete="tel" inputMode="tel" maxLength={100} />
              <NotifyField checked={notify} onChange={setNotify} />
              {sender.data && !rep.data ? (
                <label className="check">
                  <input type="checkbox" checked={asMember} onChange={(e) => setAsMember(e.target.checked)} data-testid="suggest-as-member" />
                  {t(sender.data.as === 'member' ? 'collection.asMember' : 'collection.asDepartment', { name: sender.data.name })}
                </label>
              ) : null}
              <ErrorBox error={submit.error} placed={['title', 'description', 'category', 'area', 'contact']} testId="suggest-error" />
              <button type="submit" className="btn btn--primary btn--lg btn--block" disabled={submit.isPending || rep.pending} data-testid="suggest-submit">
                {submit.isPending ? t('collection.sending') : t('collection.submit')}
              </button>
            </form>
          </FormProvider>
        ) : null}
        <nav className="footer-links" aria-label={t('collection.more')}>
          <Link to="/track">{t('collection.trackLink')}</Link>
          <Link to={`/bodies/${encodeURIComponent(bodyId)}`}>{t('collection.bodyLink')}</Link>
        </nav>
      </main>
    </div>
  );
}
