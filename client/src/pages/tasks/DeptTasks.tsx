// The department's 督办单 in its workspace: escalated and open first, each open one with its answer form
// (what was done, the day, site photos — the same photo picker as a progress report).
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldIdPrefix, TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { PhotoPicker, type Uploaded } from '../../components/PhotoPicker';
import { taskAnswerInput } from '../../../../shared/task-schemas';
import { shanghaiDate } from '../../../../shared/execution';
import { TaskFacts, TaskStateTag } from './TaskBits';
import { useAnswerTask, useMyTasks, type Task } from './tasksApi';
import '../../styles/tasks.css';

const answerSchema = taskAnswerInput.omit({ photos: true });
type AnswerIn = z.input<typeof answerSchema>;

export function DeptTasks({ token }: { token: string }) {
  const { t } = useTranslation();
  const mine = useMyTasks(token);
  const [answering, setAnswering] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const list = mine.data ?? [];
  if (!list.length && !mine.error) return null;
  const waiting = list.filter((x) => x.state === 'open').length;
  return (
    <section className="stack" aria-labelledby="dept-tasks-heading" data-testid="dept-tasks">
      <h2 id="dept-tasks-heading">{t('tasks.deptHeading')}</h2>
      <p className="muted">{t('tasks.deptIntro', { count: waiting })}</p>
      <ErrorBox error={mine.error} scope="tasks" />
      {saved ? <Notice kind="ok" testId="task-answer-saved">{saved}</Notice> : null}
      <ul className="task-list">
        {list.map((task) => (
          <li key={task.id} className={`card stack task-card task-card--${task.escalated ? 'escalated' : task.state}`} data-testid={`dept-task-${task.projectId}`}>
            <div className="btn-row"><strong>{task.project.title}</strong><TaskStateTag task={task} testId="task-state" /></div>
            <TaskFacts task={task} />
            {task.state === 'open' ? (answering === task.id
              ? <AnswerForm token={token} task={task} onDone={() => { setAnswering(null); setSaved(t('tasks.answered', { title: task.project.title })); }} />
              : <button type="button" className="btn btn--primary" onClick={() => { setAnswering(task.id); setSaved(''); }} data-testid="task-answer-open">{t('tasks.answerOpen')}</button>) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ token, task, onDone }: { token: string; task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswerTask(token);
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  const form = useForm<AnswerIn>({ resolver: zodResolver(answerSchema), defaultValues: { text: '', date: shanghaiDate(new Date()) } });
  const submit = form.handleSubmit((a) => {
    answer.mutate({ id: task.id, text: a.text, date: a.date, photos: photos.map((p) => p.id) }, {
      onSuccess: onDone,
      onError: (err) => { showServerFieldErrors(err, form.setError); },
    });
  });
  return (
    <FormProvider {...form}>
      <FieldIdPrefix.Provider value={`answer-${task.id}-`}>
        <form className="stack" noValidate onSubmit={submit} aria-label={t('tasks.answerFor', { title: task.project.title })} data-testid="task-answer-form">
          <TextAreaField name="text" label={t('tasks.answerText')} required rows={4} maxLength={5000} testId="task-answer-text" />
          <TextField name="date" type="date" label={t('tasks.answerDate')} required testId="task-answer-date" />
          <PhotoPicker token={token} photos={photos} onChange={setPhotos} testId="task-answer-photo" />
          <ErrorBox error={answer.error} placed={['text', 'date']} scope="tasks" />
          <button type="submit" className="btn btn--primary" disabled={answer.isPending} data-testid="task-answer-submit">{t('tasks.answerSend')}</button>
        </form>
      </FieldIdPrefix.Provider>
    </FormProvider>
  );
}
