/**
 * Field rules the UI checks as the core does, before a call: the one rule for every URL field (Reply URL, Sign on
 * URL, Logout URL, Relay State). Kept apart from api.ts so the renderer bundles only this, not the core's schemas.
 */
export { isWebUrl, WEB_URL_MESSAGE } from '../core/http/web-url';
export { upnProblem, roleValueProblem } from '../core/idp/directory-rules';
export { USER_ATTRIBUTES, USER_PROPERTY_LABELS, userPropertyLabel } from '../core/idp/user-properties';
