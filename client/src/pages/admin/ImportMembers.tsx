// The roster from a CSV file (UTF-8 or GB18030) or pasted text, sent as text/csv; a refusal lists each bad row.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Body } from '../../api';
import { useFormat } from '../../format';
import { fieldMessage } from '../../forms/messages';
import { useImportMembers, type MemberWithCode } from './adminApi';
import { ErrorBox } from '../../components/ErrorBox';
import { FormButtons } from './common';

// `phone` (optional): the mobile number notices go to; the sample's is of the 138 0000 block, no one's
export const CSV_TEMPLATE = 'name,delegation,kind,phone\n张三,城关镇代表团,rep,13800000001\n李四,城关镇代表团,committee,\n王五,河西镇代表团,,\n';

/** Excel on a Chinese Windows saves "CSV" in GB18030/GBK: accept both, send UTF-8. */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function ImportMembers({
  token,
  body,
  onAdded,
  onCancel,
}: {
  token: string;
  body: Body;
  onAdded: (list: MemberWithCode[]) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState(false);
  const send = useImportMembers(token, body.id);
  const error = send.error;
  const rowIssues = error instanceof ApiError ? error.fields.filter((i) => i.row !== undefined) : [];
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).length;

  const onFile = async (file: File | undefined) => {
    send.reset();
    setReadError(false);
    if (!file) return;
    try {
      setText(decodeCsv(await file.arrayBuffer()));
      setFileName(file.name);
    } catch {
      setReadError(true);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(text, { onSuccess: (r) => onAdded(r.members) });
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate data-testid="admin-import-form" aria-labelledby="import-heading">
      <h3 id="import-heading">{t('admin.members.importHeading')}</h3>
      <div className="admin-hint-box">
        <p>{t('admin.members.importHint')}</p>
        <pre className="admin-csv-sample" aria-label={t('admin.members.templateSample')}>
          {CSV_TEMPLATE}
        </pre>
        <p className="small muted">{t('admin.members.importKinds')}</p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="import-file">{t('admin.members.importFile')}</label>
        <input id="import-file" className="input" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e.target.files?.[0])}
          aria-invalid={readError || undefined} aria-describedby={readError ? 'import-file-error' : undefined} data-testid="admin-import-file" />
        {readError ? <p className="field__error" id="import-file-error" role="alert">{t('admin.members.readError')}</p> : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="import-text">{t('admin.members.importText')}</label>
        {/* Row problems are listed under the form, not beside this field; still mark it invalid. */}
        <textarea id="import-text" className="input mono admin-csv-text" rows={8} value={text} spellCheck={false} aria-describedby="import-text-hint"
          aria-invalid={rowIssues.length ? true : undefined} data-testid="admin-import-text"
          onChange={(e) => {
            setText(e.target.value);
            setFileName(null);
          }} />
        <p className="field__hint small muted" id="import-text-hint">
          {fileName ? t('admin.members.importLoaded', { file: fileName, lines: fmt.num(Math.max(0, lines - 1)) }) : t('admin.members.importPasteHint')}
        </p>
      </div>
      <ErrorBox error={error} scope="admin" headline testId="admin-import-error"
        title={rowIssues.length ? t('admin.members.importRejected', { count: rowIssues.length }) : undefined}>
        {rowIssues.length ? (
          <>
            <p className="small">{t('admin.members.nothingImported')}</p>
            <ul className="alert__issues" data-testid="admin-import-issues">
              {rowIssues.map((i, n) => (
                <li key={n} data-testid={`admin-import-issue-${i.row}`}>
                  <strong>{t('admin.members.rowN', { row: i.row })}</strong>
                  {i.field && i.field !== '(row)' ? <> · {t(`admin.members.column.${i.field}`, { defaultValue: i.field })}</> : null}
                  {': '}
                  {i.field === 'kind' ? t('admin.members.kindInvalid') : fieldMessage(t, i18n.language, i.message)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </ErrorBox>
      <FormButtons label={t('admin.members.importSubmit')} busy={send.isPending} disabled={!text.trim()} onCancel={onCancel} testId="admin-import-submit" />
    </form>
  );
}
