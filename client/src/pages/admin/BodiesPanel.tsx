import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { BodyLevel } from '../../../../shared/types';
import { bodyInput } from '../../../../shared/schemas';
import type { Body, StaffUser } from '../../api';
import { SelectField, TextField, showServerFieldErrors } from '../../forms/Field';
import { useCreateBody } from './adminApi';
import { ErrorBox } from '../../components/ErrorBox';
import { FormButtons } from './common';

export interface TreeNode {
  body: Body;
  children: TreeNode[];
}

const LEVELS: BodyLevel[] = ['city', 'county', 'township'];
const NEXT_LEVEL: Record<BodyLevel, BodyLevel> = { city: 'county', county: 'township', township: 'township' };

/** City → county → township, in the server's order; a body whose parent is unknown becomes a root. */
export function buildTree(bodies: Body[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>(bodies.map((b) => [b.id, { body: b, children: [] }]));
  const roots: TreeNode[] = [];
  for (const b of bodies) {
    const node = nodes.get(b.id)!;
    const parent = b.parentId ? nodes.get(b.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The bodies a staff user may administer: their own and everything below it (all, for a deployment-wide admin). */
export function administeredIds(bodies: Body[], ownBodyId: string | null): Set<string> {
  if (ownBodyId === null) return new Set(bodies.map((b) => b.id));
  const out = new Set<string>([ownBodyId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const b of bodies) {
      if (b.parentId && out.has(b.parentId) && !out.has(b.id)) {
        out.add(b.id);
        grew = true;
      }
    }
  }
  return out;
}

function flatten(tree: TreeNode[], depth = 0, out: { body: Body; depth: number }[] = []) {
  for (const n of tree) {
    out.push({ body: n.body, depth });
    flatten(n.children, depth + 1, out);
  }
  return out;
}

export function BodyTree({ tree, mine, currentId, compact }: { tree: TreeNode[]; mine: Set<string>; currentId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  if (tree.length === 0) return <p className="muted small">{t('admin.bodies.none')}</p>;
  return (
    <ul className={compact ? 'body-tree body-tree--compact' : 'body-tree'} data-testid={compact ? 'admin-body-nav' : 'admin-body-tree'}>
      {tree.map((n) => (
        <BodyTreeItem key={n.body.id} node={n} mine={mine} currentId={currentId} compact={compact} />
      ))}
    </ul>
  );
}

function BodyTreeItem({ node, mine, currentId, compact }: { node: TreeNode; mine: Set<string>; currentId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const b = node.body;
  const current = b.id === currentId;
  const prefix = compact ? 'admin-nav-body' : 'admin-body';
  return (
    <li>
      <div className={`body-tree__item body-tree__item--${b.level}${current ? ' is-current' : ''}`}>
        {mine.has(b.id) ? (
          <Link to={`/admin/${encodeURIComponent(b.id)}`} aria-current={current ? 'page' : undefined} data-testid={`${prefix}-${b.id}`}>
            {b.name}
          </Link>
        ) : (
          <span className="muted" data-testid={`${prefix}-${b.id}`}>
            {b.name}
          </span>
        )}
        {compact ? null : <span className="tag tag--muted">{t(`bodyLevel.${b.level}`)}</span>}
      </div>
      {node.children.length ? (
        <ul>
          {node.children.map((c) => (
            <BodyTreeItem key={c.body.id} node={c} mine={mine} currentId={currentId} compact={compact} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The overview (all bodies, create anywhere one administers) or, with `parent`, the bodies below
 * one body and a form to add one there.
 */
export function BodiesPanel({ token, bodies, mine, user, parent }: { token: string; bodies: Body[]; mine: Set<string>; user?: StaffUser; parent?: Body }) {
  const { t } = useTranslation();
  const tree = buildTree(bodies);
  const parentOptions = flatten(tree).filter((x) => mine.has(x.body.id) && x.body.level !== 'township');
  const mayCreateRoot = !parent && user != null && (user.bodyId ?? null) === null;
  const children = parent ? bodies.filter((b) => b.parentId === parent.id) : null;
  const canCreate = mayCreateRoot || parentOptions.length > 0;
  return (
    <div className="stack" data-testid="admin-bodies">
      {parent ? (
        <section className="card stack" aria-labelledby="children-heading">
          <h2 id="children-heading">{t('admin.bodies.children', { name: parent.name })}</h2>
          {children && children.length ? (
            <ul className="admin-plain-list" data-testid="admin-body-children">
              {children.map((c) => (
                <li key={c.id}>
                  <Link to={`/admin/${encodeURIComponent(c.id)}`} data-testid={`admin-child-${c.id}`}>{c.name}</Link>
                  <span className="tag tag--muted">{t(`bodyLevel.${c.level}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('admin.bodies.noChildren')}</p>
          )}
        </section>
      ) : (
        <section className="card stack" aria-labelledby="tree-heading">
          <h1 id="tree-heading">{t('admin.bodies.heading')}</h1>
          <p className="muted">{t('admin.bodies.intro')}</p>
          <BodyTree tree={tree} mine={mine} />
        </section>
      )}
      {parent && parent.level === 'township' ? (
        <p className="muted" data-testid="admin-body-no-children-allowed">{t('admin.bodies.townshipLeaf')}</p>
      ) : canCreate ? (
        <BodyForm token={token} bodies={bodies} parent={parent} parentOptions={parentOptions} mayCreateRoot={mayCreateRoot} />
      ) : null}
    </div>
  );
}

type BodyValues = z.input<typeof bodyInput>;

function BodyForm({ token, bodies, parent, parentOptions, mayCreateRoot }: { token: string; bodies: Body[]; parent?: Body; parentOptions: { body: Body; depth: number }[]; mayCreateRoot: boolean }) {
  const { t } = useTranslation();
  const levelBelow = (id: string | null | undefined): BodyLevel => {
    const p = bodies.find((b) => b.id === id);
    return p ? NEXT_LEVEL[p.level] : 'city';
  };
  const firstParent = parent?.id ?? (mayCreateRoot ? null : (parentOptions[0]?.body.id ?? null));
  const form = useForm<BodyValues, unknown, z.output<typeof bodyInput>>({
    resolver: zodResolver(bodyInput),
    defaultValues: { name: '', parentId: firstParent, level: levelBelow(firstParent) },
  });
  const create = useCreateBody(token);
  // The level follows the parent chosen (the level below it); it can still be changed by hand.
  const parentId = form.watch('parentId');
  useEffect(() => form.setValue('level', levelBelow(parentId)), [parentId]); // eslint-disable-line react-hooks/exhaustive-deps
  const level = form.watch('level');
  const submit = form.handleSubmit((v) =>
    create.mutate(v, { onSuccess: () => form.reset({ ...form.getValues(), name: '' }), onError: (e) => void showServerFieldErrors(e, form.setError) }),
  );
  return (
    <FormProvider {...form}>
      <form className="card stack" onSubmit={submit} noValidate data-testid="admin-body-form" aria-labelledby="body-form-heading">
        <h2 id="body-form-heading">{parent ? t('admin.bodies.createUnder', { name: parent.name }) : t('admin.bodies.create')}</h2>
        <div className="admin-form-grid">
          {parent ? null : (
            <SelectField name="parentId" label={t('admin.bodies.parent')} testId="admin-body-parent" parse={(v) => v || null}
              placeholder={mayCreateRoot ? t('admin.bodies.noParent') : undefined}
              options={parentOptions.map(({ body: b, depth }) => ({ value: b.id, label: `${'\u3000'.repeat(depth)}${b.name}` }))} />
          )}
          <TextField name="name" label={t('admin.bodies.name')} required maxLength={100} placeholder={t(`admin.bodies.namePlaceholder.${level}`)}
            testId="admin-body-name-input" errorTestId="admin-body-name-error" />
          <SelectField name="level" label={t('admin.bodies.level')} testId="admin-body-level" options={LEVELS.map((l) => ({ value: l, label: t(`bodyLevel.${l}`) }))} />
        </div>
        <ErrorBox error={create.error} scope="admin" headline placed={['name', 'level', 'parentId']} testId="admin-body-error" />
        {create.data && create.isSuccess ? (
          <div className="alert alert--ok" role="status" data-testid="admin-body-created">
            {t('admin.bodies.created', { name: create.data.name })}{' '}
            <Link to={`/admin/${encodeURIComponent(create.data.id)}`}>{t('admin.bodies.openCreated')}</Link>
          </div>
        ) : null}
        <FormButtons label={t('admin.bodies.submit')} busy={create.isPending} testId="admin-body-submit" />
      </form>
    </FormProvider>
  );
}
