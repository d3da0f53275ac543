/**
 * Extension points and contracts through which backend modules extend the
 * Golden Path backend.
 *
 * @packageDocumentation
 */

export * from './extensions';
