import { z } from 'zod';
import { WEB_URL_MESSAGE, isWebUrl } from './web-url';

/** The schema of an absolute http(s) URL field; the message names what is wrong, the path names the field. */
export const WebUrl = z.string().refine(isWebUrl, { message: WEB_URL_MESSAGE });
