package com.frontline.sso.config;

import java.util.List;

/**
 * Thrown at startup when settings are missing or wrong. The message lists every problem at once, each
 * naming the property, its environment variable and the fix, so an administrator fixes all in one go.
 */
public class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("frontline-sso cannot start, fix these settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
