/**
 * Settings of commands and jobs, with errors a user can act on. Module topolayer-apps; this
 * package depends on topolayer-core and picocli ({@link OneLineUsageErrors}), so that both the
 * {@code topo} commands and the Spark launcher use it.
 *
 * <p>Entry points: {@link Config} (a fixed list of {@link Config.Key}s with defaults, overridden in
 * layers: a {@code .properties} file read by {@link ConfigFile}, presets, options,
 * {@code --set KEY=VALUE}); values stay text until a typed getter checks them.
 * {@link OneLineUsageErrors} reports a bad command line in one line with exit code 2, and
 * {@link org.topolayer.util.ClosestName} suggests the nearest valid name.
 *
 * <p>Limits: an unknown key, a key given twice in a file, or a value out of range fails with a
 * {@link ConfigException} naming where it came from and the closest valid key; nothing falls back
 * to a default silently. Thread safety: a {@code Config} is mutable while layers are applied;
 * build it on one thread, then only read it.
 */
package org.topolayer.config;
