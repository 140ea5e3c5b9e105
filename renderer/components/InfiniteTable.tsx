import { Flex, Table, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useLayoutEffect, useRef, useState, type HTMLAttributes, type UIEvent } from 'react';
import { t } from '../lib/i18n';

export type SortOrder = 'asc' | 'desc';

export interface InfiniteTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: NonNullable<TableProps<T>['columns']>;
  items: T[];
  total: number;
  loading: boolean;
  loadingMore: boolean;
  emptyText: string;
  onEndReached: () => void;
  /** Sort by a column's key; both undefined means the default order. */
  onSortChange?: (field: string | undefined, order: SortOrder | undefined) => void;
  /** Changing it scrolls back to the top (a new query). */
  resetKey?: string;
  /** Space kept below the table, in pixels. */
  bottomGap?: number;
}

// Virtual rows are divs; give them table roles so screen readers (and tests) see cells.
function RowDiv(props: HTMLAttributes<HTMLDivElement>) {
  return <div role="row" {...props} />;
}
function CellDiv(props: HTMLAttributes<HTMLDivElement>) {
  return <div role="cell" {...props} />;
}
/**
 * antd labels a sortable header cell with aria-label = its title, so getByLabel('企业名称')
 * would find the column as well as the form field. The header's name comes from its
 * text instead; the sort arrows are hidden from assistive technology (aria-sort says it).
 */
function HeaderCell({ 'aria-label': _label, ...props }: HTMLAttributes<HTMLTableCellElement>) {
  const hideArrows = (cell: HTMLTableCellElement | null): void => {
    cell?.querySelectorAll('.ant-table-column-sorter').forEach((arrows) => arrows.setAttribute('aria-hidden', 'true'));
  };
  return <th ref={hideArrows} {...props} />;
}
const VIRTUAL_PARTS = { header: { cell: HeaderCell }, body: { row: RowDiv, cell: CellDiv } } as unknown as TableProps<object>['components'];

/** Loads the next page when the user is this close (px) to the end of what is loaded. */
const PREFETCH_PX = 800;
const HEADER_PX = 48;
const MIN_BODY_PX = 240;

/** Fills the window below its own top edge, and its container's width. */
function useBodySize(bottomGap: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 480 });
  useLayoutEffect(() => {
    const measure = (): void => {
      const box = ref.current?.getBoundingClientRect();
      const height = Math.max(MIN_BODY_PX, Math.floor(window.innerHeight - (box?.top ?? 200) - HEADER_PX - bottomGap));
      const width = Math.floor(box?.width ?? 0);
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  return [ref, size] as const;
}

/**
 * A virtualised table (only visible rows are in the DOM) that asks for the next page as
 * the user scrolls: smooth with 100,000 rows. Column widths are needed for virtual mode.
 */
export function InfiniteTable<T extends { id: string }>({
  label,
  columns,
  items,
  total,
  loading,
  loadingMore,
  emptyText,
  onEndReached,
  onSortChange,
  resetKey,
  bottomGap = 96,
}: InfiniteTableProps<T>) {
  const [ref, body] = useBodySize(bottomGap);
  // Virtual mode needs a pixel width: the columns' widths, stretched to fill a wider window.
  const columnsWidth = columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 160), 0);
  const scrollX = Math.max(columnsWidth, body.width);

  const onScroll = (event: UIEvent<HTMLDivElement>): void => {
    const holder = event.currentTarget;
    if (holder.scrollHeight - holder.scrollTop - holder.clientHeight < PREFETCH_PX) onEndReached();
  };

  const onChange: TableProps<T>['onChange'] = (_pagination, _filters, sorter) => {
    const first = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
    if (!onSortChange) return;
    if (!first?.order) onSortChange(undefined, undefined);
    else onSortChange(String(first.columnKey ?? first.field), first.order === 'ascend' ? 'asc' : 'desc');
  };

  return (
    <div ref={ref}>
      <Table<T>
        key={resetKey}
        aria-label={label}
        rowKey="id"
        size="middle"
        virtual
        scroll={{ x: scrollX, y: body.height }}
        loading={loading}
        dataSource={items}
        columns={columns}
        components={VIRTUAL_PARTS as TableProps<T>['components']}
        pagination={false}
        locale={{ emptyText }}
        onScroll={onScroll}
        onChange={onChange}
        showSorterTooltip={false}
      />
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t.common.total(total)}</Typography.Text>
        <Typography.Text type="secondary" aria-live="polite">
          {loadingMore ? t.common.loadingMore : items.length < total ? t.common.loaded(items.length, total) : ''}
        </Typography.Text>
      </Flex>
    </div>
  );
}

/** antd's sortOrder for a column, from the store's query. */
export function sortOrderOf(column: string, sort: string | undefined, order: SortOrder | undefined): 'ascend' | 'descend' | null {
  if (column !== sort) return null;
  return order === 'asc' ? 'ascend' : 'descend';
}
