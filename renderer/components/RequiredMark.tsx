import type { ReactNode } from 'react';

/**
 * Form labels' required mark. antd draws its asterisk inside the <label> (CSS ::before),
 * which becomes part of the field's name: "* 企业名称". We leave the label as plain text
 * and draw the asterisk beside it, outside the label (app.css), so the field's
 * accessible name is exactly its label.
 */
export function requiredMark(label: ReactNode): ReactNode {
  return label;
}
