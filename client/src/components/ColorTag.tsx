// A project's supervision colour (shared/supervision.ts) as a tag that says it in words as well:
// 红色：进度滞后, 黄色：需关注, 绿色：正常推进, 蓝色：已完成 — readable without colour and on paper.
import { useTranslation } from 'react-i18next';
import '../styles/tasks.css';

export type SupervisionColor = 'green' | 'yellow' | 'red' | 'blue';

export function ColorTag({ color, reasons = [], testId }: { color: SupervisionColor | null | undefined; reasons?: readonly string[]; testId?: string }) {
  const { t } = useTranslation();
  if (!color) return null;
  const why = color === 'red' && reasons.length ? reasons.map((r) => t(`tasks.reason.${r}`)).join('、') : t(`tasks.colorMeaning.${color}`);
  return <span className={`color-tag color-tag--${color}`} data-testid={testId} data-color={color}>{t('tasks.colorLine', { color: t(`tasks.color.${color}`), why })}</span>;
}
