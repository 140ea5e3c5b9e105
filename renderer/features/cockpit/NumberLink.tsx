import { Button } from 'antd';
import type { ReactNode } from 'react';
import type { CockpitFigure } from '../../../shared/contract/cockpit';
import { useCockpit } from './cockpit-store';

/** A figure that opens the records behind it. */
export function NumberLink({ figure, title, children, strong }: { figure: CockpitFigure; title: string; children: ReactNode; strong?: boolean }) {
  const openDrill = useCockpit((state) => state.openDrill);
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 'inherit', fontWeight: strong ? 600 : undefined }} aria-label={`${title}：${String(children)}，查看明细`} onClick={() => void openDrill(figure, title)}>
      {children}
    </Button>
  );
}
