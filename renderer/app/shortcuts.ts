import { useEffect } from 'react';
import { GLOBAL_SEARCH_ID } from '../features/search/GlobalSearch';
import { useCommands } from '../lib/commands';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * App-wide keys. Ctrl+K (or / outside a text field) focuses search. Alt+N opens 新增走访:
 * Chrome keeps Ctrl+N for a new window, so Alt+N is the key we document; Ctrl+N still
 * works in the desktop app, where the page receives it.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const key = event.key.toLowerCase();
      const searchKey = ((event.ctrlKey || event.metaKey) && !event.altKey && key === 'k') || (key === '/' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTyping(event.target));
      if (searchKey) {
        event.preventDefault();
        document.getElementById(GLOBAL_SEARCH_ID)?.focus();
        return;
      }
      const newVisit = (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') || ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && key === 'n');
      if (newVisit) {
        event.preventDefault();
        const { visitForm, openVisitForm } = useCommands.getState();
        if (!visitForm) openVisitForm();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
