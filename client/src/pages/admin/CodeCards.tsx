import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { Body } from '../../api';
import type { MemberWithCode } from './adminApi';
import { ConfirmDialog } from './common';

export const CARDS_PER_PAGE = 8;

/** What the QR on a member card encodes: the tablet signs in with `?code=`. */
export function tabletUrl(code: string): string {
  return `${window.location.origin}/tablet?code=${encodeURIComponent(code)}`;
}

/** SVG QR codes (crisp in print) as data URLs, keyed by code. */
function useQrCodes(codes: string[]): Map<string, string> {
  const [map, setMap] = useState<Map<string, string>>(() => new Map());
  const key = codes.join(',');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const next = new Map<string, string>();
      for (const code of codes) {
        try {
          const svg = await QRCode.toString(tabletUrl(code), { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
          next.set(code, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
        } catch {
          /* leave this card without a QR; the code is printed anyway */
        }
      }
      if (!cancelled) setMap(next);
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return map;
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function MemberCard({ body, member, qr, ids }: { body: Body; member: MemberWithCode; qr: string | undefined; ids: boolean }) {
  const { t } = useTranslation();
  const half = Math.ceil(member.code.length / 2);
  // Test ids only on the printed sheet, so the on-screen preview does not duplicate them.
  const tid = (s: string) => (ids ? `${s}-${member.id}` : undefined);
  return (
    <article className="member-card" data-testid={tid('admin-card')} data-code={member.code}>
      <header className="member-card__band">
        <span className="member-card__body">{body.name}</span>
        <span className="member-card__kind">{t('admin.cards.cardTitle')}</span>
      </header>
      <div className="member-card__main">
        <div className="member-card__text">
          <p className="member-card__name">{member.name}</p>
          <p className="member-card__line">
            {member.delegation ? member.delegation : t('admin.members.noDelegation')}
            {member.kind === 'committee' ? <span className="member-card__committee">{t('admin.members.kind.committee')}</span> : null}
          </p>
          <p className="member-card__code-label">{t('admin.cards.codeLabel')}</p>
          <p className="member-card__code" data-testid={tid('admin-card-code')}>
            <span>{member.code.slice(0, half)}</span>
            <span>{member.code.slice(half)}</span>
          </p>
        </div>
        <div className="member-card__qr">
          {qr ? <img src={qr} alt={t('admin.cards.qrAlt', { name: member.name })} data-testid={tid('admin-card-qr')} /> : null}
        </div>
      </div>
      <footer className="member-card__foot">{t('admin.cards.footer')}</footer>
    </article>
  );
}

function Pages({ body, members, qrs, ids }: { body: Body; members: MemberWithCode[]; qrs: Map<string, string>; ids: boolean }) {
  return (
    <>
      {chunk(members, CARDS_PER_PAGE).map((page, i) => (
        <section className="card-sheet__page" key={i} data-page={i + 1}>
          {page.map((m) => (
            <MemberCard key={m.id} body={body} member={m} qr={qrs.get(m.code)} ids={ids} />
          ))}
        </section>
      ))}
    </>
  );
}

/**
 * New sign-in codes, shown once: the list, an on-screen preview of the cards and, for printing, an
 * A4 sheet (8 cards a page) rendered outside the app root so print CSS can hide everything else.
 */
export function NewCodes({ body, members, onDismiss }: { body: Body; members: MemberWithCode[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  const qrs = useQrCodes(members.map((m) => m.code));
  const [confirmClose, setConfirmClose] = useState(false);
  const [printed, setPrinted] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pages = Math.ceil(members.length / CARDS_PER_PAGE);
  const pagesText = t('admin.codes.pagesN', { count: pages });
  const ready = members.every((m) => qrs.has(m.code));

  // Bring the codes into view (and focus) when they arrive.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [members.length]);

  const print = () => {
    setPrinted(true);
    window.print();
  };

  return (
    <section className="card stack new-codes" aria-labelledby="new-codes-heading" data-testid="admin-new-codes">
      <h2 id="new-codes-heading" ref={headingRef} tabIndex={-1}>
        {t('admin.codes.heading', { count: members.length })}
      </h2>
      <div className="alert alert--warn new-codes__warning" role="alert" data-testid="admin-codes-warning">
        <strong>{t('admin.codes.warningTitle')}</strong> {t('admin.codes.warning')}
      </div>
      <div className="btn-row">
        <button type="button" className="btn btn--primary" onClick={print} disabled={!ready} data-testid="admin-print-cards">
          {ready ? t('admin.codes.print', { pages: pagesText }) : t('admin.codes.preparing')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setConfirmClose(true)} data-testid="admin-codes-dismiss">
          {t('admin.codes.dismiss')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="table new-codes__table" data-testid="admin-codes-table">
          <caption className="visually-hidden">{t('admin.codes.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.members.name')}</th>
              <th scope="col">{t('admin.members.delegation')}</th>
              <th scope="col">{t('admin.members.kindLabel')}</th>
              <th scope="col">{t('admin.codes.code')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-testid={`admin-code-row-${m.id}`}>
                <th scope="row">{m.name}</th>
                <td>{m.delegation ?? '—'}</td>
                <td>{t(`admin.members.kind.${m.kind}`)}</td>
                <td className="mono new-codes__code" data-testid={`admin-code-${m.id}`}>
                  {m.code}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="card-preview" open={members.length <= CARDS_PER_PAGE}>
        <summary>{t('admin.codes.preview', { count: members.length, pages: pagesText })}</summary>
        <div className="card-sheet card-sheet--preview" data-testid="admin-card-preview">
          <Pages body={body} members={members} qrs={qrs} ids={false} />
        </div>
      </details>
      {createPortal(
        <div className="card-sheet card-sheet--print" data-testid="admin-card-sheet" aria-hidden="true">
          <Pages body={body} members={members} qrs={qrs} ids />
        </div>,
        document.body,
      )}
      <ConfirmDialog
        open={confirmClose}
        title={t('admin.codes.dismissTitle')}
        confirmLabel={t('admin.codes.dismissConfirm')}
        onConfirm={() => {
          setConfirmClose(false);
          onDismiss();
        }}
        onCancel={() => setConfirmClose(false)}
        testId="admin-codes-dismiss-dialog"
      >
        <p>{printed ? t('admin.codes.dismissBody') : t('admin.codes.dismissBodyNotPrinted')}</p>
      </ConfirmDialog>
    </section>
  );
}
