// Region names and pickers read a table loaded on demand (src/services/region.ts): a component that shows them calls
// useRegions, which loads the table and renders again when it arrives.
import { useEffect, useState } from 'react';
import { loadRegions, regionsFromStorage } from '../services/region';

/** True once region names and options can be read. */
export function useRegions(): boolean {
  const [ready, setReady] = useState(regionsFromStorage);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadRegions().then(
      () => live && setReady(true),
      () => {
        // No network: names stay empty until a later page asks again.
      },
    );
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
