import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/contract';
import { rpc } from '../../lib/rpc';

const DEBOUNCE_MS = 150;

/**
 * Results as you type: the query waits 150 ms for the next keystroke, and an answer that
 * arrives after a newer query was sent is dropped, so results never jump back.
 */
export function useSearch() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const search = (text: string): void => {
    setQuery(text);
    clearTimeout(timer.current);
    const mine = ++latest.current;
    if (text.trim() === '') {
      setHits([]);
      setSearching(false);
      return;
    }
    setSearching(true);
    timer.current = setTimeout(async () => {
      try {
        const { items } = await rpc('search.query', { q: text, limit: 30 });
        if (mine === latest.current) setHits(items);
      } catch {
        if (mine === latest.current) setHits([]);
      } finally {
        if (mine === latest.current) setSearching(false);
      }
    }, DEBOUNCE_MS);
  };

  const clear = (): void => search('');

  useEffect(() => () => clearTimeout(timer.current), []);

  return { query, hits, searching, search, clear };
}
