import { useEffect, useRef, useState } from 'react';
import type { DuplicateCheck } from '../../../shared/contract';
import { validateCreditCode } from '../../../shared/domain/credit-code';
import { rpc } from '../../lib/rpc';

const DEBOUNCE_MS = 300;
const NONE: DuplicateCheck = { sameCode: null, similarNames: [] };

/**
 * Live duplicate hints while a company is typed in: the same credit code (saving is
 * refused) and names that normalise alike (saving needs a confirmation). Only the
 * answer to the latest input is shown.
 */
export function useDuplicateCheck(name: string | undefined, creditCode: string | undefined, excludeId: string | undefined) {
  const [result, setResult] = useState<DuplicateCheck>(NONE);
  const [checking, setChecking] = useState(false);
  const latest = useRef(0);

  const nameParam = name && name.trim().length >= 2 ? name.trim() : undefined;
  const code = creditCode && creditCode.trim() !== '' ? validateCreditCode(creditCode) : null;
  const codeParam = code?.ok ? code.value : undefined;

  useEffect(() => {
    const mine = ++latest.current;
    if (!nameParam && !codeParam) {
      setResult(NONE);
      setChecking(false);
      return;
    }
    // A code that is no longer valid cannot collide: drop its hint at once.
    if (!codeParam) setResult((previous) => ({ ...previous, sameCode: null }));
    setChecking(true);
    const timer = setTimeout(async () => {
      try {
        const answer = await rpc('companies.checkDuplicate', { name: nameParam, creditCode: codeParam, excludeId });
        if (mine === latest.current) setResult(answer);
      } catch {
        if (mine === latest.current) setResult(NONE);
      } finally {
        if (mine === latest.current) setChecking(false);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [nameParam, codeParam, excludeId]);

  return { result, checking };
}
