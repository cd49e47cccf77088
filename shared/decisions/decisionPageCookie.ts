/**
 * The form-token cookie the decision page sets. Every form on that page (decide, attach a
 * document, pass the step on) posts under /api/decisions and is checked against this one cookie.
 */
export const DECISION_PAGE_COOKIE = { name: 'aigov_csrf', path: '/api/decisions' } as const;
