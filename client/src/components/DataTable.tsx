// The one table of the staff screens: TanStack Table (headless) over a page the server has cut — sorting,
// paging and filtering happen on the server (offset/limit), so 50,000 rows are never in the page at once.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/data-table.css';

export interface PageState { offset: number; limit: number }

/** Per column (`meta` of a ColumnDef): a class for its cells (`num-col`), or its cells are the row's header. */
export interface ColumnMeta { className?: string; rowHeader?: boolean }
const metaOf = (m: unknown) => (m ?? {}) as ColumnMeta;

export interface DataTableProps<T> {
  caption: string;
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  total: number;
  page: PageState;
  onPage: (p: PageState) => void;
  getRowId: (row: T) => string;
  sorting?: SortingState;
  onSorting?: (s: SortingState) => void;
  selection?: RowSelectionState;
  onSelection?: (s: RowSelectionState) => void;
  empty: string;
  loading?: boolean;
  testId?: string;
  rowTestId?: (row: T) => string;
  /** more `data-*` attributes of a row (e.g. `{ 'data-action': … }`) */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  /** no pager when everything fits on one page */
  hideSinglePage?: boolean;
  /** which rows may be selected (all by default); "select all" leaves the others out */
  canSelect?: (row: T) => boolean;
}

export function DataTable<T>({ caption, columns, rows, total, page, onPage, getRowId, sorting = [], onSorting, selection = {}, onSelection, empty, loading, testId, rowTestId, rowData, hideSinglePage, canSelect }: DataTableProps<T>) {
  const { t } = useTranslation();
  const table = useReactTable({
    data: rows, columns, getRowId, getCoreRowModel: getCoreRowModel(),
    manualPagination: true, manualSorting: true, rowCount: total,
    state: { sorting, rowSelection: selection },
    enableRowSelection: onSelection ? (canSelect ? (r) => canSelect(r.original) : true) : false,
    onSortingChange: (u) => onSorting?.(typeof u === 'function' ? u(sorting) : u),
    onRowSelectionChange: (u) => onSelection?.(typeof u === 'function' ? u(selection) : u),
  });
  const last = Math.max(0, Math.ceil(total / page.limit) - 1);
  const current = Math.floor(page.offset / page.limit);
  return (
    <div className="data-table" data-testid={testId} aria-busy={loading || undefined}>
      <div className="data-table__scroll">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const sortable = h.column.getCanSort() && !!onSorting;
                  return (
                    <th key={h.id} scope="col" className={metaOf(h.column.columnDef.meta).className} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                      {sortable ? (
                        <button type="button" className="data-table__sort" onClick={h.column.getToggleSortingHandler()}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
                        </button>
                      ) : flexRender(h.column.columnDef.header, h.getContext())}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr><td colSpan={columns.length} className="data-table__empty" data-testid={testId ? `${testId}-empty` : undefined}>{loading ? t('common.loading') : empty}</td></tr>
            ) : table.getRowModel().rows.map((r) => (
              <tr key={r.id} className={r.getIsSelected() ? 'is-selected' : undefined} data-testid={rowTestId?.(r.original)} {...rowData?.(r.original)}>
                {r.getVisibleCells().map((c) => {
                  const meta = metaOf(c.column.columnDef.meta);
                  const content = flexRender(c.column.columnDef.cell, c.getContext());
                  return meta.rowHeader
                    ? <th key={c.id} scope="row" className={meta.className}>{content}</th>
                    : <td key={c.id} className={meta.className}>{content}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hideSinglePage && total <= page.limit ? null : <nav className="data-table__pager" aria-label={t('table.pages')}>
        <span className="small muted" data-testid={testId ? `${testId}-count` : undefined}>
          {t('table.range', { from: total ? page.offset + 1 : 0, to: Math.min(total, page.offset + rows.length), total })}
        </span>
        <button type="button" className="btn btn--ghost btn--sm" disabled={current <= 0} onClick={() => onPage({ ...page, offset: Math.max(0, page.offset - page.limit) })}>{t('table.previous')}</button>
        <span className="small">{t('table.page', { page: current + 1, pages: last + 1 })}</span>
        <button type="button" className="btn btn--ghost btn--sm" disabled={current >= last} onClick={() => onPage({ ...page, offset: page.offset + page.limit })}>{t('table.next')}</button>
      </nav>}
    </div>
  );
}

/** A checkbox column for bulk actions. */
export function selectColumn<T>(label: string): ColumnDef<T, unknown> {
  return {
    id: 'select',
    enableSorting: false,
    header: ({ table }) => (
      <input type="checkbox" aria-label={label} checked={table.getIsAllRowsSelected()} onChange={table.getToggleAllRowsSelectedHandler()} />
    ),
    cell: ({ row }) => (
      <input type="checkbox" aria-label={label} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} data-testid="row-select" />
    ),
  };
}

/**
 * DataTable over a list the server answers whole (a body's roster, sessions, one year's projects, a session's
 * log: hundreds at most): the page is cut here; a page that no longer exists (a filter narrowed the list) goes
 * back to the first.
 */
export function LocalTable<T>({ rows, limit = 50, ...rest }: Omit<DataTableProps<T>, 'total' | 'page' | 'onPage'> & { limit?: number }) {
  const [wanted, setOffset] = useState(0);
  const offset = wanted < rows.length ? wanted : 0;
  return <DataTable hideSinglePage {...rest} rows={rows.slice(offset, offset + limit)} total={rows.length} page={{ offset, limit }} onPage={(p) => setOffset(p.offset)} />;
}
