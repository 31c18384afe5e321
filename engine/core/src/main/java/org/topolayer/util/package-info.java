/**
 * Primitive-array sorting for the engine's hot loops, the one rule for hiding secrets in printed
 * text, and the one "did you mean" for mistyped names. Module topolayer-core: depends on the JDK only.
 *
 * <ul>
 *   <li>{@link ValueOrder}: the stable ranking of doubles by (value, index), or (value, second
 *       value, index), that fixes every filtration's tie-break. NaN must be refused by the caller;
 *       -0.0 ranks as 0.0.</li>
 *   <li>{@link LongKeyRadixSort}: stable sort of {@code long} keys in unsigned order, each carrying
 *       an {@code int} payload (non-negative doubles sort by their raw bits).</li>
 *   <li>{@link IntSort} with {@link IntComparator}: stable sort of {@code int} keys under a custom
 *       order, without boxing.</li>
 *   <li>{@link Redaction}: masks the values of settings whose name says secret, password, token,
 *       credential or access/API/private key, and URI user info, in summaries, configurations and
 *       error lines. A secret under any other name is not recognised.</li>
 *   <li>{@link ClosestName}: the valid name nearest to a mistyped option, key or command (edit
 *       distance with swaps, ignoring case), or none when it is further than a typo.</li>
 * </ul>
 * {@code IntSort} and {@code LongKeyRadixSort} sort in place; {@code ValueOrder} fills order (and
 * rank) arrays. All use scratch memory up to the input's size.
 *
 * <p>Thread safety: {@code ValueOrder} and {@code LongKeyRadixSort} instances keep their scratch
 * buffers between calls and are not thread-safe (hold one per thread, or use
 * {@code LongKeyRadixSort.sortOnce}); {@code IntSort}, {@code Redaction} and {@code ClosestName} are stateless.
 */
package org.topolayer.util;
