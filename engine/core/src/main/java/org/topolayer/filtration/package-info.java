/**
 * The filtration data model every persistence algorithm and layer shares: simplices in filtration
 * order, their values, and the input entries each value is computed from. Module topolayer-core:
 * depends on the JDK only.
 *
 * <p>Entry point: {@link Filtration#builder}. Add simplices in any order with their sublevel-form
 * value and sources; {@code build()} sorts them by value, then dimension, then vertex list, so the
 * order does not depend on insertion. It refuses a NaN value, a repeated or negative vertex, a
 * simplex added twice or of more than 64 vertices, a missing face and a face valued above its
 * coface, each in one message. A superlevel filtration of f is stored as -f with
 * {@link Filtration#reportSign()} = -1. {@link ValueModel} says how a value depends on its sources
 * (vertex value, edge length, distance entry, squared circumradius): the gradient layers read it
 * to turn dL/dvalue into dL/dinput. {@link SimplexTable} is the flat hash set of vertex tuples
 * behind the builders, a building block rather than a place to start.
 *
 * <p>Limits: storage is flat {@code int}/{@code double} arrays, so fewer than 2³¹ simplices and
 * vertex entries. Thread safety: a built {@code Filtration} is immutable and may be shared;
 * builders and {@code SimplexTable} are for one thread.
 */
package org.topolayer.filtration;
