// 群众找我: on the member's tablet or phone, the suggestions residents sent through the member's 代表码, newest
// first, each with its status, the member's replies and a form to reply (the reply shows on the resident's
// tracking page). Loaded only when a member opens it, outside the voting bundle.
import { useState } from 'react';
import { Link } from 'react-router';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import '../../styles/reps.css';
import { replyInput } from '../../../../shared/collection-schemas';
import { FieldIdPrefix, TextAreaField, showServerFieldErrors } from '../../forms/Field';
import { Loading, Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { useMyInbox, useReply, type InboxItem } from './repsApi';

type Reply = z.infer<typeof replyInput>;

export default function TabletInbox({ token }: { token: string }) {
  const { t } = useTranslation();
  const inbox = useMyInbox(token);
  return (
    <section className="stack" aria-labelledby="rep-inbox-heading">
      <p><Link to="/tablet">← {t('reps.inbox.back')}</Link></p>
      <h1 id="rep-inbox-heading">{t('reps.inbox.heading')}</h1>
      <p className="muted">{t('reps.inbox.intro')}</p>
      {inbox.isPending ? <Loading /> : !inbox.data ? <ErrorBox error={inbox.error} /> : inbox.data.length === 0 ? (
        <p className="muted" data-testid="rep-inbox-none">{t('reps.inbox.none')}</p>
      ) : (
        <ul className="rep-inbox" data-testid="rep-inbox">
          {inbox.data.map((s) => <li key={s.id}><Item token={token} s={s} /></li>)}
        </ul>
      )}
    </section>
  );
}

function Item({ token, s }: { token: string; s: InboxItem }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <article className="card rep-inbox__item" aria-labelledby={`rep-inbox-${s.id}`} data-testid={`rep-inbox-${s.id}`}>
      <h2 id={`rep-inbox-${s.id}`}>{s.title}</h2>
      <p className="rep-inbox__meta">
        <span className={`tag tag--status-${s.status}`} data-testid="rep-inbox-status">{t(`suggestionStatus.${s.status}`)}</span>
        <span className={`tag ${s.replies.length ? 'tag--ok' : 'tag--warn'}`}>{t(s.replies.length ? 'reps.inbox.replied' : 'reps.inbox.waiting')}</span>
        <span>{t(`category.${s.category}`, { defaultValue: s.category })}{s.area ? ` · ${s.area}` : ''}</span>
        <time dateTime={s.createdAt}>{fmt.date(s.createdAt)}</time>
      </p>
      <p>{s.description}</p>
      {s.reason ? <p className="small">{t('collection.reason')}{s.reason}</p> : null}
      {s.replies.length ? (
        <section aria-label={t('reps.inbox.myReplies')}>
          <ul className="rep-replies">
            {s.replies.map((r) => <li key={r.id} data-testid="rep-inbox-reply"><time dateTime={r.at}>{fmt.dateTime(r.at)}</time>{r.text}</li>)}
          </ul>
        </section>
      ) : null}
      <FieldIdPrefix.Provider value={`${s.id}-`}>
        <ReplyForm token={token} id={s.id} />
      </FieldIdPrefix.Provider>
    </article>
  );
}

function ReplyForm({ token, id }: { token: string; id: string }) {
  const { t } = useTranslation();
  const reply = useReply(token);
  const [sent, setSent] = useState(false);
  const form = useForm<z.input<typeof replyInput>, unknown, Reply>({ resolver: zodResolver(replyInput), defaultValues: { text: '' } });
  const submit = form.handleSubmit((d) => {
    setSent(false);
    reply.mutate({ id, ...d }, {
      onSuccess: () => { form.reset({ text: '' }); setSent(true); },
      onError: (err) => { showServerFieldErrors(err, form.setError); },
    });
  });
  return (
    <FormProvider {...form}>
      <form className="stack" noValidate onSubmit={submit} data-testid="rep-reply-form">
        <TextAreaField name="text" label={t('reps.inbox.replyLabel')} hint={t('reps.inbox.replyHint')} required rows={3} maxLength={1000} testId="rep-reply-text" />
        <ErrorBox error={reply.error} scope="reps" placed={['text']} />
        {sent ? <Notice kind="ok" testId="rep-reply-sent">{t('reps.inbox.sent')}</Notice> : null}
        <button type="submit" className="btn btn--primary" disabled={reply.isPending} data-testid="rep-reply-send">{t('reps.inbox.send')}</button>
      </form>
    </FormProvider>
  );
}
