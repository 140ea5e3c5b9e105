import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title (a real heading) with its actions on the right. */
export function PageHeader({ title, extra, sub, back }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode; back?: ReactNode }) {
  return (
    <header style={{ marginBottom: 16 }}>
      {back}
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Flex align="baseline" gap={12} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {sub}
        </Flex>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </header>
  );
}
