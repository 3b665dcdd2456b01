import { useI18n } from 'vue-i18n';

/**
 * What an error from main means, in the person's language: for a refusal of the administration, what its problem
 * type says to do ("your certificate does not come from a trusted authority"); else the text for the error's name,
 * looked up in the given namespace first (authority.errors for the header), then in errors; never the raw name alone
 * when a text exists.
 */
export function useErrorText() {
  const { t, te } = useI18n();
  return (error: { name: string; details?: Record<string, unknown> }, namespaces: readonly string[] = ['errors']): string => {
    const type = error.details?.type;
    if (error.name === 'AuthorityRequestError' && typeof type === 'string' && /^[a-z][a-z0-9-]{0,60}$/.test(type)) {
      const key = `authority.problems.${type}`;
      if (te(key)) return t(key);
    }
    for (const namespace of [...namespaces, 'errors']) {
      if (te(`${namespace}.${error.name}`)) return t(`${namespace}.${error.name}`);
    }
    return t('errors.unknown', { name: error.name });
  };
}
