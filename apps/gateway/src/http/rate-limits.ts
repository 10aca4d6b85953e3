/** Limits read per request by the throttler; set once from the config at start. */
export const rateLimits = {
  perMinute: 1200,
  loginPerMinute: 20,
};
