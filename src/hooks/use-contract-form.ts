// The one form hook: values, each row's error (from the contract's issues, or a refusal's code, through the form's
// FormSpec), the banner, sending once, and scrolling to the first row in trouble.
import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { toCloudError, type CloudError } from '../services/cloud-error';
import { explainError, firstError, type Checked, type FieldErrors, type FormSpec } from './form-spec';

function scrollTo(field: string | undefined) {
  if (!field) return;
  Promise.resolve(Taro.pageScrollTo({ selector: `.form-field-${field}`, duration: 200 })).catch(() => undefined);
}

/**
 * A form's state over its FormSpec. `rowsOf` names the rows a form key's error lines belong to (cleared when the
 * key is edited); `follow` adds what follows from an edit (dates that move together).
 */
export function useContractForm<F extends object, K extends string>(
  spec: FormSpec<K>,
  initial: F | (() => F),
  opts: { rowsOf?: (key: keyof F) => K | readonly K[]; follow?: (form: F, patch: Partial<F>) => F; clearBannerOnEdit?: boolean } = {},
) {
  const [values, setValues] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [banner, setBanner] = useState('');
  /** The code of the last refusal, for links next to the banner (去注册, 申请身份核验). */
  const [refusal, setRefusal] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const running = useRef(false);

  const { follow, rowsOf, clearBannerOnEdit } = opts;
  const patch = useCallback(
    (p: Partial<F>) => {
      setValues((v) => (follow ? follow(v, p) : { ...v, ...p }));
      if (clearBannerOnEdit) setBanner('');
      setErrors((e) => {
        const next = { ...e };
        for (const key of Object.keys(p) as (keyof F)[]) {
          const rows = rowsOf ? rowsOf(key) : (key as unknown as K);
          for (const row of typeof rows === 'string' ? [rows] : rows) delete next[row];
        }
        return next;
      });
    },
    [follow, rowsOf, clearBannerOnEdit],
  );

  /** Shows errors (and a banner) and scrolls to the first row in trouble. */
  const show = useCallback(
    (fields: FieldErrors<K>, text = '') => {
      setErrors(fields);
      setBanner(text);
      scrollTo(firstError(spec, fields));
    },
    [spec],
  );

  /** Checks, then sends once (a second tap while sending does nothing); a refusal is explained by the spec. */
  const submit = useCallback(
    async <I>(check: () => Checked<I, K>, send: (input: I) => Promise<void>) => {
      if (running.current) return;
      setBanner('');
      setRefusal('');
      const checked = check();
      if (!checked.ok) return show(checked.errors, checked.banner);
      setErrors({});
      running.current = true;
      setSubmitting(true);
      try {
        await send(checked.input);
      } catch (e) {
        const err: CloudError = toCloudError(e);
        const view = explainError(spec, err.code, err.message, err.details);
        setRefusal(err.code);
        show(view.fields, view.banner);
      } finally {
        running.current = false;
        setSubmitting(false);
      }
    },
    [spec, show],
  );

  return { values, setValues, errors, setErrors, banner, refusal, submitting, patch, submit };
}
