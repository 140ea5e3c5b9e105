import { Empty } from 'antd';
import { t } from '../lib/i18n';

export function ComingSoon({ title }: { title: string }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <Empty description={t.common.comingSoon} />
    </section>
  );
}
