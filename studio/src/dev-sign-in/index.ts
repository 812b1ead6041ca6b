export { DevSignInControl, DEFAULT_IDENTITY_LABEL } from './DevSignInControl.js';
export { readDevSession, writeDevSession, type DevSession } from './dev-session-storage.js';
export { loadDevPersonas, DEV_PERSONAS_URL, type DevPersona } from './load-dev-personas.js';
export { signInAsPersona, DEV_SIGN_IN_URL } from './sign-in-as-persona.js';
export { useDevSession } from './use-dev-session.js';
export { withDevSession } from './with-dev-session.js';
