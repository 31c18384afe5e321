package org.topolayer.limits;

/**
 * A computation whose estimated memory exceeds the budget, refused before it starts: the message
 * is one line with the estimate, the budget and what to change. An IllegalArgumentException, so
 * the callers that report bad input already report it (naming the input).
 */
public final class OverBudgetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OverBudgetException(String message) {
        super(message);
    }
}
