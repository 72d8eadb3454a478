package com.frontline.sso.config;

/**
 * The one rule for where the browser may be sent after login: a path of this application. Anything that
 * could leave it (absolute URLs, protocol-relative {@code //host}, backslashes browsers treat as slashes,
 * control characters) is refused, so RelayState and saved requests cannot become an open redirect.
 */
public final class RelativeTarget {

    private RelativeTarget() {
    }

    public static boolean isSafe(String target) {
        if (target == null || target.isEmpty() || target.length() > 2048 || target.charAt(0) != '/') {
            return false;
        }
        if (target.startsWith("//") || target.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The target if safe, otherwise the fallback. */
    public static String orElse(String target, String fallback) {
        return isSafe(target) ? target : fallback;
    }
}
