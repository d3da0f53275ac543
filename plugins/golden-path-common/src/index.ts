/**
 * Types, annotations and the pure logic of the Golden Path suite, shared by
 * its frontend and backend packages.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './types';
export * from './provenance';
export * from './scoring';
export * from './metrics';
export * from './time';
export * from './permissions';
