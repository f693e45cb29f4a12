// 征集 · set-up: the body's collection windows and its liaison stations, each with its printable poster.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { useFormat } from '../../../format';
import { useCreateStation, useCreateWindow, useStaffStations, useWindows } from './inboxApi';

/** A date typed in the form is a day in Asia/Shanghai: the window opens at its start and closes at the end of the last day. */
const dayStart = (d: string) => `${d}T00:00:00+08:00`;
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`) + 86_400_000).toISOString();

export function CollectionSetupPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const windows = useWindows(token, body.id);
  const stations = useStaffStations(body.id);
  const createWindow = useCreateWindow(token, body.id);
  const createStation = useCreateStation(token, body.id);
  const [w, setW] = useState({ year: new Date().getFullYear() + 1, from: '', to: '' });
  const [s, setS] = useState({ name: '', address: '' });
  return (
    <div className="stack" data-testid="collection-setup">
      <section className="stack" aria-labelledby="windows-heading">
        <h2 id="windows-heading">{t('inbox.windows')}</h2>
        <ul className="link-list" data-testid="window-list">
          {windows.data?.map((x) => (
            <li key={x.id}>{t('collection.windowDates', { year: x.year, from: fmt.date(x.opensAt), to: fmt.date(new Date(Date.parse(x.closesAt) - 1).toISOString()) })} {x.open ? <span className="tag tag--ok">{t('inbox.open')}</span> : null}</li>
          ))}
        </ul>
        <form className="inline-form inline-form--wrap" onSubmit={(e) => { e.preventDefault(); createWindow.mutate({ year: w.year, opensAt: dayStart(w.from), closesAt: dayAfter(w.to) }); }}>
          <div className="field"><label className="field__label" htmlFor="window-year">{t('inbox.filter.year')}</label>
            <input id="window-year" className="input" type="number" min={2000} max={2100} value={w.year} onChange={(e) => setW({ ...w, year: Number(e.target.value) })} data-testid="window-year" /></div>
          <div className="field"><label className="field__label" htmlFor="window-from">{t('inbox.from')}</label>
            <input id="window-from" className="input" type="date" value={w.from} onChange={(e) => setW({ ...w, from: e.target.value })} data-testid="window-from" /></div>
          <div className="field"><label className="field__label" htmlFor="window-to">{t('inbox.to')}</label>
            <input id="window-to" className="input" type="date" value={w.to} onChange={(e) => setW({ ...w, to: e.target.value })} data-testid="window-to" /></div>
          <button type="submit" className="btn btn--primary" disabled={!w.from || !w.to || createWindow.isPending} data-testid="window-create">{t('inbox.createWindow')}</button>
        </form>
        <ErrorBox error={createWindow.error} testId="window-error" />
      </section>
      <section className="stack" aria-labelledby="stations-heading">
        <h2 id="stations-heading">{t('inbox.stations')}</h2>
        <ul className="link-list" data-testid="station-list">
          {stations.data?.map((x) => (
            <li key={x.id} data-testid="station-item">
              {x.name}{x.address ? `（${x.address}）` : ''}{' '}
              <Link to={`/suggest/${encodeURIComponent(body.id)}/poster?station=${encodeURIComponent(x.id)}`} target="_blank" data-testid="station-poster-link">{t('inbox.poster')}</Link>{' · '}
              <Link to={`/admin/${encodeURIComponent(body.id)}/suggestions?stationId=${encodeURIComponent(x.id)}`}>{t('inbox.itsSuggestions')}</Link>
            </li>
          ))}
        </ul>
        <form className="inline-form inline-form--wrap" onSubmit={(e) => { e.preventDefault(); createStation.mutate({ name: s.name, address: s.address || null }, { onSuccess: () => setS({ name: '', address: '' }) }); }}>
          <div className="field"><label className="field__label" htmlFor="station-name">{t('inbox.stationName')}</label>
            <input id="station-name" className="input" value={s.name} onChange={(e) => setS({ ...s, name: e.target.value })} maxLength={100} data-testid="station-name" /></div>
          <div className="field"><label className="field__label" htmlFor="station-address">{t('inbox.stationAddress')}</label>
            <input id="station-address" className="input" value={s.address} onChange={(e) => setS({ ...s, address: e.target.value })} maxLength={200} /></div>
          <button type="submit" className="btn btn--primary" disabled={!s.name.trim() || createStation.isPending} data-testid="station-create">{t('inbox.createStation')}</button>
        </form>
        <ErrorBox error={createStation.error} />
      </section>
    </div>
  );
}
