// Messages at the top of the page (and in forms): API problems with their title, detail,
// stable code and row errors; plain notes. Built with DOM nodes, never innerHTML, because
// problem text comes from the server and may echo user input.
import { ApiError, problemLines } from './api.js';
import { problemAdvice } from './warnings.js';

const box = () => document.getElementById('messages');

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** A message node for an error: problem details from the API, or any other failure. */
export function problemNode(error, what) {
  const node = el('div', 'message error');
  node.dataset.testid = 'error-message';
  const problem = error instanceof ApiError ? error.problem : { title: error.message || String(error) };
  const status = error instanceof ApiError && error.status ? ` (${error.status})` : '';
  node.append(el('p', 'title', `${what}: ${problem.title || 'failed'}${status}`));
  if (problem.detail) node.append(el('p', 'detail', problem.detail));
  const lines = problemLines(problem);
  if (lines.length) {
    const list = el('ul', 'rows');
    for (const line of lines) list.append(el('li', null, line));
    node.append(list);
  }
  const advice = problemAdvice(problem.code);
  if (advice) node.append(el('p', 'advice', `What to do: ${advice}`));
  if (problem.code) node.append(el('p', 'code', `code: ${problem.code}`));
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss this message');
  close.addEventListener('click', () => node.remove());
  node.prepend(close);
  return node;
}

/** Shows an error at the top of the page and brings it into view. */
export function showError(error, what) {
  const node = problemNode(error, what);
  box().append(node);
  node.scrollIntoView({ block: 'nearest' });
}

/** Removes every message at the top of the page (before a new attempt). */
export function clearMessages() {
  box().replaceChildren();
}

export { el };
