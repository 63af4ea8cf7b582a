import type { z } from 'zod';

/**
 * A contract is a record of methods, each with the schema of its input and the type of its
 * output. Both transports derive from it: the server side gets `HandlersOf` (every method
 * must be handled, with parsed input), the client side gets `ClientOf` (every method async).
 * A missing or misspelled method fails to compile.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: only carries the output type. */
  readonly output?: O;
}

export function method<I extends z.ZodType>(input: I) {
  return { returns: <O>(): MethodSpec<I, O> => ({ input }) };
}

export type AnyContract = Record<string, MethodSpec<z.ZodType, unknown>>;

export type InputOf<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;

export type ClientOf<C extends AnyContract> = {
  [K in keyof C]: (input: InputOf<C[K]>) => Promise<OutputOf<C[K]>>;
};

export type HandlersOf<C extends AnyContract, Ctx> = {
  [K in keyof C]: (input: ParsedInputOf<C[K]>, ctx: Ctx) => Promise<OutputOf<C[K]>> | OutputOf<C[K]>;
};
