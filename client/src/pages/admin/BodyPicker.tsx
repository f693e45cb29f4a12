// The sidebar's body tree, searchable once a city has more bodies than fit at a glance (110 in a city of
// 10 counties and 100 townships): a match keeps the way down to it.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyTree, type TreeNode } from './BodiesPanel';

const SEARCH_FROM = 12;

function prune(nodes: TreeNode[], q: string): TreeNode[] {
  return nodes.flatMap((n) => {
    const children = prune(n.children, q);
    return n.body.name.includes(q) || children.length ? [{ ...n, children: n.body.name.includes(q) ? n.children : children }] : [];
  });
}

const count = (nodes: TreeNode[]): number => nodes.reduce((s, n) => s + 1 + count(n.children), 0);

export function BodyPicker({ tree, mine, currentId }: { tree: TreeNode[]; mine: Set<string>; currentId?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const shown = useMemo(() => (q.trim() ? prune(tree, q.trim()) : tree), [tree, q]);
  return (
    <>
      {count(tree) > SEARCH_FROM ? (
        <input className="input input--sm" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('admin.stage.findBody')}
          aria-label={t('admin.stage.findBody')} data-testid="admin-body-search" />
      ) : null}
      <BodyTree tree={shown} mine={mine} currentId={currentId} compact />
    </>
  );
}
