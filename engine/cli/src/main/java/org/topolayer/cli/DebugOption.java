package org.topolayer.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: print the stack trace after the one-line error (read by {@link OneLineFailures}). */
final class DebugOption {
    static final String NAME = "--debug";

    @Option(names = NAME, description = "On errors, also print the stack trace.")
    boolean enabled;
}
