// A problem as the reader is told it: the page's own sentence for a known code, else the API's title.

export function problemText(t, problem) {
  if (problem?.code === 'validation_failed') {
    const messages = Object.values(problem.body?.errors ?? {}).flat();
    return t('problem.validation_failed', messages.join(' '));
  }
  const key = `problem.${problem?.code}`;
  const text = t(key);
  return text === key ? (problem?.message ?? String(problem)) : text;
}
